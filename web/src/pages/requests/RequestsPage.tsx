import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { useCaseNames, withCaseNames } from '../../components/useCaseNames.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';
import { LogRequestForm } from './LogRequestForm.js';
import { BASIS_WORDS, REQUESTER_LABELS, type RequestSummary, STATUS_LABELS } from './types.js';
import './requests.css';

/** The request register: log a request, see every request with its status and due date. */
export function RequestsPage() {
  const { data: rows, error } = useLoad(() => api.get<RequestSummary[]>('/api/requests'), []);
  const names = useCaseNames();
  return (
    <div className="page">
      <PageHeader title="Requests for information" lead="Requests from anyone outside the therapy: the police, solicitors, courts, the media, family. Default: decline, and disclose only the minimum the law or consent allows." />
      <LogRequestForm />
      <Card title="Register">
        <DataTable
          rows={rows}
          error={error}
          empty="No requests logged yet."
          columns={['Request', 'Received', 'Due', 'Triage', 'Status']}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <td>
                <Link to={`/requests/${encodeURIComponent(r.id)}`}>{REQUESTER_LABELS[r.requesterType] ?? r.requesterType}{r.organisation ? ` · ${r.organisation}` : ''}</Link>
                <div className="muted">{r.linked ? withCaseNames(`Case ${r.caseCode}`, names) : 'Client not confirmed'}{r.restricted ? ' · do not inform the client' : ''}{r.emergency ? ' · emergency' : ''}</div>
                {r.contraryToAdvice && <span className="badge badge-contrary">Contrary to advice</span>}
              </td>
              <td className="nowrap">{civilDate(r.receivedOn)}</td>
              <td className="nowrap">{r.dueOn ? civilDate(r.dueOn) : '—'}</td>
              <td>{BASIS_WORDS[r.basis]?.title ?? r.basis}</td>
              <td><span className={`badge badge-request-${r.status}`}>{STATUS_LABELS[r.status] ?? r.status}</span></td>
            </>
          )}
        />
      </Card>
    </div>
  );
}
