import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { Link } from '../../router.js';
import { DeliveryForm } from './DeliveryForm.js';
import { ExportCard } from './ExportCard.js';
import { PreviewCard } from './PreviewCard.js';
import { RedactionReview } from './RedactionReview.js';
import { ExtendForm, VerifyForm } from './RequestForms.js';
import { FeeCard, feeWords } from './FeeCard.js';
import { ProcessNotesCard } from './ProcessNotesCard.js';
import { ErasedNotice, RightsPanel } from './RightsPanel.js';
import { RIGHT_LABELS, STATUS_LABELS, type SarRequest, longDate } from './types.js';
import { isOpen } from './useRequestAction.js';
import { useToday } from './useToday.js';
import './sar.css';

/** One request: its clock, identity check, extension, what the export holds, redactions and the export. */
export function RequestPage({ requestId }: { requestId: string }) {
  const { data: r, error, setData: setR } = useLoad(() => api.get<SarRequest>(`/api/sar/requests/${encodeURIComponent(requestId)}`), [requestId]);
  // Until the practice's own date is known, the browser's stands in.
  const today = useToday() ?? new Date().toISOString().slice(0, 10);
  const [version, setVersion] = useState(0);
  const [erased, setErased] = useState(false);

  if (!r) {
    return (
      <div className="page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/subject-access">Subject access</Link>
        </nav>
        <PageHeader title="Request" />
        {error ? <FormError message={error} /> : <Loading label="Loading the request…" />}
      </div>
    );
  }
  const open = isOpen(r);
  const overdue = r.currentDueOn < today && open;
  const law = r.regime === 'uk-gdpr' ? 'UK GDPR: one calendar month, extendable by two more' : 'HIPAA: 30 days, one 30-day extension';
  const exportable = r.right === 'access' || r.right === 'portability';
  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/subject-access">Subject access</Link> <span aria-hidden="true">/</span> <span aria-current="page">{r.caseCode}</span>
      </nav>
      <PageHeader title={`${RIGHT_LABELS[r.right] ?? r.right} request · ${r.caseCode}`} lead={<Link to={`/clients/${encodeURIComponent(r.clientId)}`}>Open the client’s record</Link>} />
      {overdue && (
        <p className="overdue-banner" role="alert">
          This request was due on {longDate(r.currentDueOn)} and is overdue.
        </p>
      )}
      <Card title="Deadline">
        <dl className="facts">
          <dt>Received</dt>
          <dd>{longDate(r.receivedOn)}</dd>
          <dt>Due</dt>
          <dd data-testid="due-date">{longDate(r.currentDueOn)}</dd>
          <dt>Law</dt>
          <dd>{law}</dd>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[r.status] ?? r.status}</dd>
          <dt>Fee</dt>
          <dd>{feeWords(r)}</dd>
        </dl>
        {r.message && (
          <details>
            <summary>The client’s message</summary>
            <p className="source-text">{r.message.text}</p>
          </details>
        )}
      </Card>
      {erased && <ErasedNotice caseCode={r.caseCode} />}
      {!erased && (open || r.verification) && <VerifyForm r={r} today={today} onDone={setR} />}
      {!erased && (open || r.extended) && <ExtendForm r={r} today={today} onDone={setR} />}
      {!erased && !exportable && <RightsPanel r={r} onChange={setR} onErased={() => { setErased(true); setR({ ...r, status: 'completed' }); }} />}
      {exportable && (
        <>
          {r.right === 'access' && <ProcessNotesCard r={r} onDone={(x) => { setR(x); setVersion((v) => v + 1); }} />}
          <PreviewCard requestId={r.id} version={version} />
          <RedactionReview requestId={r.id} onChange={() => setVersion((v) => v + 1)} />
          <ExportCard requestId={r.id} />
          <DeliveryForm r={r} today={today} onDone={setR} />
        </>
      )}
      {!erased && open && <FeeCard r={r} onDone={setR} />}
    </div>
  );
}
