import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCaseNames, withCaseNames } from '../../components/useCaseNames.js';
import { useLoad } from '../../components/useLoad.js';
import { Link } from '../../router.js';
import { LogMessageForm } from './LogMessageForm.js';
import { RIGHT_LABELS, type RequestSummary, STATUS_LABELS, longDate } from './types.js';
import { useToday } from './useToday.js';
import './sar.css';

/** The rights request register: log a new message, see every request. */
export function SubjectAccessPage() {
  const { data: rows, error } = useLoad(() => api.get<RequestSummary[]>('/api/sar/requests'), []);
  const names = useCaseNames();
  const today = useToday();
  return (
    <div className="page">
      <PageHeader title="Subject access and rights" lead="Requests from clients to see, correct, erase or limit what is held about them. Each has a statutory deadline." />
      {today && <LogMessageForm today={today} />}
      <Card title="Requests">
        <DataTable
          rows={rows}
          error={error}
          empty="No requests yet."
          columns={['Request', 'Received', 'Due', 'Status']}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <td>
                {r.openable ? (
                  <Link to={`/subject-access/${encodeURIComponent(r.id)}`}>
                    {RIGHT_LABELS[r.right] ?? r.right} · {withCaseNames(r.caseCode, names)}
                  </Link>
                ) : (
                  <>{RIGHT_LABELS[r.right] ?? r.right} · case {r.caseCode}<span className="status-detail">Handled by the client’s practitioner</span></>
                )}
              </td>
              <td>{longDate(r.receivedOn)}</td>
              <td>{longDate(r.dueOn)}</td>
              <td>{STATUS_LABELS[r.status] ?? r.status}</td>
            </>
          )}
        />
      </Card>
    </div>
  );
}
