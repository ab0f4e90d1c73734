import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { Link } from '../../router.js';
import { NewBreachForm } from './NewBreachForm.js';
import { type BreachSummary, KIND_LABELS, OUTCOME_LABELS, utc } from './types.js';
import './breaches.css';

/** The breach register: every incident, notified or not, with its clocks. */
export function BreachesPage() {
  const { data: rows, error } = useLoad(() => api.get<BreachSummary[]>('/api/breaches'), []);
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
        <DataTable
          rows={rows}
          error={error}
          loadingLabel="Loading the register…"
          empty="No breaches recorded."
          testId="breach-register"
          columns={['Breach', 'Discovered', 'People affected', 'Risk', 'Status']}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
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
            </>
          )}
        />
      </Card>
      <NewBreachForm />
    </div>
  );
}
