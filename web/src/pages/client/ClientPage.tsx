import { type ClientRecord, api } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { ContractWarnings } from '../consent/ContractWarnings.js';
import { Tabs } from '../../components/Tabs.js';
import { civilDate } from '../../format.js';
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
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Caseload</Link> <span aria-hidden="true">/</span> <span aria-current="page">{c.caseCode}</span>
      </nav>
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
      <div className="tab-panel">{current.render({ clientId, record, reload })}</div>
    </div>
  );
}
