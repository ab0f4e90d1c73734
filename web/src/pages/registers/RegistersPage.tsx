import type { ResponseOf } from '../../api/contract.js';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate } from '../../format.js';
import { ASK_LABELS, AUTHORITY_LABELS, BASIS_WORDS, REQUESTER_LABELS, STATUS_LABELS } from '../requests/types.js';
import { AdminTabs } from '../admin/AdminTabs.js';

type RequestEntry = ResponseOf<'/api/registers/requests', 'get'>[number];
type DisclosureEntry = ResponseOf<'/api/registers/disclosures', 'get'>[number];

const KIND_LABELS: Record<string, string> = { pack: 'Copies of records', letter: 'A letter' };
const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;

function flags(r: RequestEntry): string {
  const out = [r.emergency && 'Emergency', r.restricted && 'Client not to be told for now', r.contraryToAdvice && 'Decided contrary to advice'].filter(Boolean);
  return out.length ? out.join(' · ') : '—';
}

/**
 * What the data-protection officer keeps: every request and every disclosure, as codes, dates and
 * counts. No names and no content reach this page; the server never decrypts anything for it.
 */
export function RegistersPage() {
  const requests = useLoad(() => api.get<RequestEntry[]>('/api/registers/requests'), []);
  const disclosures = useLoad(() => api.get<DisclosureEntry[]>('/api/registers/disclosures'), []);
  return (
    <div className="page">
      <PageHeader title="Registers" lead="Every request for information and every disclosure the practice has made, without names or content. Cases are shown by their code." />
      <AdminTabs current="registers" />
      <Card title="Requests for information">
        <DataTable
          rows={requests.data}
          error={requests.error}
          empty="No requests logged yet."
          caption="Requests for information, newest first"
          columns={['Reference', 'From', 'Asked for', 'Authority shown', 'Received', 'Due', 'Status', 'Case', 'Disclosures', 'Notes']}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <td className="nowrap">{r.reference}</td>
              <td>{label(REQUESTER_LABELS, r.requesterType)}</td>
              <td>{label(ASK_LABELS, r.asks)}</td>
              <td>{label(AUTHORITY_LABELS, r.authority)}</td>
              <td className="nowrap">{civilDate(r.receivedOn)}</td>
              <td className="nowrap">{r.dueOn ? civilDate(r.dueOn) : '—'}</td>
              <td>{label(STATUS_LABELS, r.status)}</td>
              <td className="nowrap">{r.caseCode ?? 'Client not confirmed'}</td>
              <td>{r.disclosures}</td>
              <td>{flags(r)}</td>
            </>
          )}
        />
      </Card>
      <Card title="Accounting of disclosures">
        <DataTable
          rows={disclosures.data}
          error={disclosures.error}
          empty="Nothing has been disclosed yet."
          caption="Disclosures, newest first"
          columns={['Date', 'Case', 'Request', 'Disclosed to', 'What went', 'Basis relied on']}
          rowKey={(d) => d.id}
          cells={(d) => (
            <>
              <td className="nowrap">{civilDate(d.disclosedOn)}</td>
              <td className="nowrap">{d.caseCode}</td>
              <td className="nowrap">{d.reference}</td>
              <td>{label(REQUESTER_LABELS, d.requesterType)}</td>
              <td>{label(KIND_LABELS, d.kind)}{d.kind === 'pack' ? ` (${d.noteCount} ${d.noteCount === 1 ? 'note' : 'notes'})` : ''}</td>
              <td>{BASIS_WORDS[d.basis]?.title ?? d.basis}</td>
            </>
          )}
        />
      </Card>
    </div>
  );
}
