import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { instant } from '../../format.js';
import { Link } from '../../router.js';
import { useKeepsRegister } from './keepers.js';
import { NewBreachForm } from './NewBreachForm.js';
import { type BreachSummary, KIND_LABELS, OUTCOME_LABELS } from './types.js';
import './breaches.css';

/** The breach register: every incident, notified or not, with its clocks. */
export function BreachesPage() {
  const keeper = useKeepsRegister();
  const [reported, setReported] = useState<string | null>(null);
  const announce = useAnnounce();
  return (
    <div className="page">
      <PageHeader title="Breaches" lead="Every personal data breach is recorded here, whether or not anyone has to be told. The clocks start when the practice becomes aware of it.">
        {keeper && (
          <>
            <a className="btn btn-secondary" href="/api/breaches/register.pdf" download>Register as PDF</a>
            <a className="btn btn-secondary" href="/api/breaches/register.csv" download>Register as CSV</a>
          </>
        )}
      </PageHeader>
      {keeper ? (
        <Register />
      ) : (
        <>
          <p className="alert alert-info" data-testid="register-keepers">
            You can report a breach with the form below as soon as you know of one. The register of breaches, with their deadlines and notices, is kept by
            the practice administrator (and the data-protection officer, where there is one): your report goes straight into it, and they take it from there.
          </p>
          {reported && (
            <p className="alert alert-success" data-testid="breach-reported">
              Breach {reported} recorded. It is in the register now, for the practice administrator to take forward.
            </p>
          )}
        </>
      )}
      <NewBreachForm
        onRecorded={
          keeper
            ? undefined
            : (b) => {
                setReported(b.reference);
                announce(`Breach ${b.reference} recorded.`);
              }
        }
      />
    </div>
  );
}

function Register() {
  const { data: rows, error } = useLoad(() => api.get<BreachSummary[]>('/api/breaches'), []);
  const overdue = rows?.filter((r) => r.overdue) ?? [];
  return (
    <>
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
              <td className="nowrap">{instant(r.discoveredAt)}</td>
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
    </>
  );
}
