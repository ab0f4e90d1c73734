import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Link } from '../../router.js';
import { NewBreachForm } from './NewBreachForm.js';
import { type BreachSummary, KIND_LABELS, OUTCOME_LABELS, utc } from './types.js';
import './breaches.css';

/** The breach register: every incident, notified or not, with its clocks. */
export function BreachesPage() {
  const [rows, setRows] = useState<BreachSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<BreachSummary[]>('/api/breaches').then(setRows, (e) => setError(messageOf(e)));
  }, []);
  const overdue = rows?.filter((r) => r.overdue) ?? [];
  return (
    <div className="page">
      <PageHeader title="Breaches" lead="Every personal data breach is recorded here, whether or not anyone has to be told. The clocks start when the practice becomes aware of it.">
        <a className="btn btn-secondary" href="/api/breaches/register.pdf" download>Register as PDF</a>
        <a className="btn btn-secondary" href="/api/breaches/register.csv" download>Register as CSV</a>
      </PageHeader>
      {overdue.length > 0 && (
        <p className="overdue-loud" role="alert">
          {overdue.length === 1 ? `A notification deadline has passed: ${overdue[0].reference}.` : `${overdue.length} breaches have a notification deadline that has passed.`} Deal with {overdue.length === 1 ? 'it' : 'them'} now.
        </p>
      )}
      <Card title="Register">
        <FormError message={error} />
        {!rows && !error && <Loading label="Loading the register…" />}
        {rows && rows.length === 0 && <p className="empty">No breaches recorded.</p>}
        {rows && rows.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="breach-register">
              <thead>
                <tr>
                  <th scope="col">Breach</th>
                  <th scope="col">Discovered</th>
                  <th scope="col">People affected</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/breaches/${encodeURIComponent(r.id)}`}>{r.reference}</Link>
                      <div className="muted">{KIND_LABELS[r.kind] ?? r.kind}</div>
                    </td>
                    <td className="nowrap">{utc(r.discoveredAt)}</td>
                    <td>{r.affectedCount}</td>
                    <td>{r.outcome ? OUTCOME_LABELS[r.outcome] ?? r.outcome : 'Not assessed yet'}</td>
                    <td>
                      <span className={`badge badge-breach-${r.status}`}>{r.status === 'open' ? 'Open' : 'Closed'}</span>{' '}
                      {r.overdue && <span className="badge badge-overdue">Overdue</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <NewBreachForm />
    </div>
  );
}
