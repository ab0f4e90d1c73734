import { type ChangeEvent, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';
import { ChecklistCard } from './ChecklistCard.js';
import { DecisionCard } from './DecisionCard.js';
import { LettersCard } from './LettersCard.js';
import { PackBuilder } from './PackBuilder.js';
import { RestrictionCard } from './RestrictionCard.js';
import { TriageCard } from './TriageCard.js';
import { ASK_LABELS, AUTHORITY_LABELS, CONCERN_LABELS, REQUESTER_LABELS, type RequestView, STATUS_LABELS } from './types.js';
import './requests.css';

const DISCLOSING = ['disclose_in_full', 'disclose_in_part', 'provide_report'];

/** One request: what was asked, the triage, the checklist, the decision, letters and the pack. */
export function RequestDetailPage({ requestId }: { requestId: string }) {
  const { data: view, error: loadError, reload: load } = useLoad(() => api.get<RequestView>(`/api/requests/${encodeURIComponent(requestId)}`), [requestId]);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setUploadError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      await api.post(`/api/requests/${encodeURIComponent(requestId)}/documents`, { fileName: file.name, contentBase64: btoa(bin) });
      e.target.value = '';
      load();
    } catch (err) {
      setUploadError(messageOf(err));
    }
  };

  if (!view) return <div className="page">{loadError ? <FormError message={loadError} /> : <Loading />}</div>;
  const canPack = view.linked && view.decision?.status === 'signed' && DISCLOSING.includes(view.decision.outcome);
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/requests">Requests</Link></p>
      <PageHeader title={`Request ${view.reference}`} lead={`${REQUESTER_LABELS[view.requesterType] ?? view.requesterType}${view.organisation ? `, ${view.organisation}` : ''} · ${STATUS_LABELS[view.status] ?? view.status}`} />
      {view.restricted && <div className="restricted-banner" role="note">Do not inform the client: this request is hidden from their own views and exports.</div>}
      <FormError message={loadError} />
      <Card title="The request">
        <dl className="identity-list">
          <div><dt>From</dt><dd>{[view.requester.name, view.requester.role, view.requester.organisation].filter(Boolean).join(', ') || 'Not given'}</dd></div>
          <div><dt>Asks for</dt><dd>{ASK_LABELS[view.asks] ?? view.asks}</dd></div>
          <div><dt>In brief</dt><dd>{view.details.asked}</dd></div>
          <div><dt>Authority shown</dt><dd>{AUTHORITY_LABELS[view.authority] ?? view.authority}</dd></div>
          <div><dt>Received</dt><dd>{civilDate(view.receivedOn)}</dd></div>
          <div><dt>Reply due</dt><dd>{view.dueOn ? civilDate(view.dueOn) : 'No date given'}</dd></div>
          <div><dt>Client</dt><dd>{view.clientId ? <Link to={`/clients/${encodeURIComponent(view.clientId)}`}>Case {view.caseCode}</Link> : 'Not confirmed'}</dd></div>
          {view.details.concerns.length > 0 && <div><dt>Concerns</dt><dd>{view.details.concerns.map((c) => CONCERN_LABELS[c] ?? c).join('; ')}</dd></div>}
          {view.emergency && <div><dt>Emergency</dt><dd>Someone is at imminent risk</dd></div>}
        </dl>
        <h3>Order or authority</h3>
        {view.documents.length === 0 && <p className="empty-inline">Nothing attached.</p>}
        <ul>
          {view.documents.map((d) => (
            <li key={d.id}><a href={`/api/requests/${encodeURIComponent(view.id)}/documents/${encodeURIComponent(d.id)}`} download>{d.fileName}</a> <span className="muted">({Math.ceil(d.sizeBytes / 1024)} KB)</span></li>
          ))}
        </ul>
        <Field label="Attach the order or authority" hint="PDF, PNG or JPEG, up to 5 MB." error={uploadError ?? undefined}>
          {(p) => <input {...p} type="file" name="document" accept="application/pdf,image/png,image/jpeg" onChange={(e) => void upload(e)} />}
        </Field>
      </Card>
      <TriageCard view={view} />
      <ChecklistCard view={view} onChange={load} />
      <DecisionCard key={`${view.decision?.status}-${view.decision?.updatedAt}`} view={view} onChange={load} />
      {view.linked && <RestrictionCard view={view} onChange={load} />}
      <LettersCard view={view} />
      {canPack && <PackBuilder view={view} onChange={load} />}
    </div>
  );
}
