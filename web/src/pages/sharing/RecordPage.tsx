import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { instant } from '../../format.js';
import { Link } from '../../router.js';
import './sharing.css';
import { CONSENT_LABELS, RESIDUAL_LABELS, type SharingRecord, countsText } from './types.js';

const QUESTIONS: Record<string, string> = { occupation: 'Rare occupation or role', event: 'Unusual event', place: 'Small or distinctive place', age: 'Exact ages or numbers', condition: 'Rare condition or feature' };

/** The confirmation and lasting record of one share, with the text exactly as it left. */
export function RecordPage({ recordId }: { recordId: string }) {
  const { data: r, error } = useLoad(() => api.get<SharingRecord>(`/api/sharing/records/${encodeURIComponent(recordId)}`), [recordId]);
  if (!r) return <div className="page"><PageHeader title="Sharing record" />{error ? <FormError message={error} /> : <Loading label="Loading the record…" />}</div>;
  const client = `/clients/${encodeURIComponent(r.clientId)}`;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Caseload</Link> <span aria-hidden="true">/</span> <Link to={`${client}/shared`}>{r.caseCode}</Link> <span aria-hidden="true">/</span> <span aria-current="page">Sharing record</span>
      </nav>
      <PageHeader title="Sharing record" lead={`Shared ${instant(r.sharedAt)}. Kept on the client’s record and in the audit log.`}>
        <a className="btn btn-primary" href={`/api/sharing/records/${encodeURIComponent(r.id)}/pdf`} download="anonymised-case-material.pdf">Download PDF</a>
      </PageHeader>
      <Card title="What, with whom and why">
        <dl className="record-facts" data-testid="sharing-record">
          <dt>Shared for</dt><dd>{r.recipientKindLabel}</dd>
          <dt>Recipient</dt><dd>{r.recipient}</dd>
          <dt>Purpose</dt><dd>{r.purpose}</dd>
          <dt>Form</dt><dd>{r.form === 'pdf' ? 'PDF' : 'Text'}</dd>
          <dt>Client consent</dt><dd>{CONSENT_LABELS[r.consent.answer]}{r.consent.consentId ? ' (consent record linked)' : ''}{r.consent.reason ? ` — ${r.consent.reason}` : ''}</dd>
          <dt>Changes</dt><dd>{countsText(r.counts)}</dd>
          <dt>Residual risk</dt>
          <dd>
            <ul className="plain-list">
              {Object.entries(r.residual).map(([q, a]) => <li key={q}>{QUESTIONS[q] ?? q}: {RESIDUAL_LABELS[a] ?? a}</li>)}
            </ul>
          </dd>
        </dl>
      </Card>
      <Card title="The text as shared">
        {r.textIntact === false && <FormError message="This text no longer matches what was recorded when it was shared." />}
        <div className="pane-text shared-text" data-testid="shared-text">{r.text}</div>
      </Card>
      <p><Link to={`${client}/shared`}>Back to shared material</Link></p>
    </div>
  );
}
