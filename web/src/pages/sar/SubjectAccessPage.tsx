import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCaseNames, withCaseNames } from '../../components/useCaseNames.js';
import { Link } from '../../router.js';
import { LogMessageForm } from './LogMessageForm.js';
import { RIGHT_LABELS, type RequestSummary, STATUS_LABELS, longDate } from './types.js';
import './sar.css';

/** The rights request register: log a new message, see every request. */
export function SubjectAccessPage() {
  const [rows, setRows] = useState<RequestSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useCaseNames();
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    api.get<RequestSummary[]>('/api/sar/requests').then(setRows, (e) => setError(messageOf(e)));
    api.get<{ today: string }>('/api/dashboard/deadlines').then((d) => setToday(d.today), () => setToday(new Date().toISOString().slice(0, 10)));
  }, []);
  return (
    <div className="page">
      <PageHeader title="Subject access and rights" lead="Requests from clients to see, correct, erase or limit what is held about them. Each has a statutory deadline." />
      {today && <LogMessageForm today={today} />}
      <Card title="Requests">
        <FormError message={error} />
        {rows && rows.length === 0 && <p>No requests yet.</p>}
        {rows && rows.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Received</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/subject-access/${encodeURIComponent(r.id)}`}>
                      {RIGHT_LABELS[r.right] ?? r.right} · {withCaseNames(r.caseCode, names)}
                    </Link>
                  </td>
                  <td>{longDate(r.receivedOn)}</td>
                  <td>{longDate(r.dueOn)}</td>
                  <td>{STATUS_LABELS[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
