import type { CaseloadEntry } from '../../api.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';

export function CaseloadTable({ clients }: { clients: CaseloadEntry[] }) {
  if (clients.length === 0) return <p className="muted">No client matches that search.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Your clients</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Case code</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/clients/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              </th>
              <td>
                <span className="case-code">{c.caseCode}</span>
              </td>
              <td>
                <span className={`badge badge-${c.status}`}>{c.status === 'open' ? 'Open' : 'Closed'}</span>
              </td>
              <td>{civilDate(c.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
