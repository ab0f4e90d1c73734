import { api } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCaseNames, withCaseNames } from '../../components/useCaseNames.js';
import { useLoad } from '../../components/useLoad.js';
import { Link } from '../../router.js';
import { type Deadlines, dueWords, longDate } from './types.js';
import './sar.css';

/** Every statutory clock the practice is running, overdue first. */
export function DashboardPage() {
  const { data, error } = useLoad(() => api.get<Deadlines>('/api/dashboard/deadlines'), []);
  const names = useCaseNames();
  return (
    <div className="page">
      <PageHeader title="Deadlines" lead={data ? `Today is ${longDate(data.today)}. Every open clock is listed, the most urgent first: subject access and other rights, requests for information (reply-by and court-order dates), breaches and disposal reviews.` : undefined} />
      <FormError message={error} />
      {!data && !error && <Loading label="Loading deadlines…" />}
      {data && data.overdue > 0 && (
        <p className="overdue-banner" role="alert">
          {data.overdue} {data.overdue === 1 ? 'deadline has' : 'deadlines have'} passed. Deal with {data.overdue === 1 ? 'it' : 'them'} first.
        </p>
      )}
      {data && data.items.length === 0 && (
        <div className="empty">
          <h2>Nothing due</h2>
          <p>No clock is running: no subject access or rights request, request for information with a date, breach notification or disposal review.</p>
        </div>
      )}
      {data && data.items.length > 0 && (
        <ul className="deadline-list" aria-label="Open deadlines">
          {data.items.map((i) => (
            <li key={`${i.source}-${i.id}`} className={`deadline deadline-${i.urgency}`}>
              <span className="deadline-when">{dueWords(i.daysLeft)}</span>
              <span>
                <Link to={i.href}>{withCaseNames(i.label, names)}</Link>
                <br />
                <span className="muted">
                  {i.duty} by {longDate(i.due)}
                </span>
              </span>
              <span className="badge">{i.status.replace(/_/g, ' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
