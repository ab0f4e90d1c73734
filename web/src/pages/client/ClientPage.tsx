import { type ClientRecord, api } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { ContractWarnings } from '../consent/ContractWarnings.js';
import { Tabs } from '../../components/Tabs.js';
import { civilDate, instant } from '../../format.js';
import { Link } from '../../router.js';
import { clientTabs } from './clientTabs.js';

export function ClientPage({ clientId, tab }: { clientId: string; tab?: string }) {
  // One audited read of the record per visit; the tabs refresh it after they write.
  const { data: record, error, refresh: reload } = useLoad(() => api.get<ClientRecord>(`/api/clients/${encodeURIComponent(clientId)}/record`), [clientId]);

  const current = clientTabs.find((t) => t.id === tab) ?? clientTabs[0];
  const base = `/clients/${encodeURIComponent(clientId)}`;

  if (error && !record) {
    return (
      <div className="page">
        <PageHeader title="Record not available" />
        <FormError message={error} />
        <p><Link to="/">Back to your caseload</Link></p>
      </div>
    );
  }
  if (!record) return <div className="page"><Loading label="Opening the record…" /></div>;
  const c = record.client;
  const emergency = c.access.kind === 'break_glass';
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {emergency ? <Link to="/emergency-access">Emergency access</Link> : <Link to="/">Caseload</Link>} <span aria-hidden="true">/</span> <span aria-current="page">{c.caseCode}</span>
      </nav>
      {emergency && (
        <div className="callout callout-warning" role="note" data-testid="emergency-banner">
          <p>
            <strong>Emergency access: read-only{c.access.until ? `, until ${instant(c.access.until)}` : ''}.</strong> This client is not in your care. Every page you open here is written to their access history and reviewed. <Link to="/emergency-access">End it when you are done</Link>.
          </p>
        </div>
      )}
      {c.access.kind === 'cover' && (
        <p className="alert alert-info" data-testid="cover-banner">You are covering for this client’s practitioner. What you write is in their record under your name.</p>
      )}
      <PageHeader
        title={c.identity.name}
        lead={
          <>
            <span className="case-code">{c.caseCode}</span> · <span className={`badge badge-${c.status}`}>{c.status === 'open' ? 'Open' : 'Closed'}</span> · opened {civilDate(c.openedAt)}
            {c.closedAt && <> · closed {civilDate(c.closedAt)}</>}
          </>
        }
      />
      {current.id !== 'consent' && <ContractWarnings clientId={clientId} />}
      <Tabs label="Record sections" current={current.id} tabs={clientTabs.map((t) => ({ id: t.id, label: t.label, href: t.id === clientTabs[0].id ? base : `${base}/${t.id}` }))} />
      {emergency ? (
        // Emergency access reads only: every control in the record is switched off.
        <fieldset disabled className="tab-panel read-only-panel">
          <legend className="visually-hidden">Read-only under emergency access</legend>
          {current.render({ clientId, record, reload })}
        </fieldset>
      ) : (
        <div className="tab-panel">{current.render({ clientId, record, reload })}</div>
      )}
    </div>
  );
}
