import type { CaseloadEntry } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';

/** The clients shown (null while loading); an empty list here means the search matched nobody. */
export function CaseloadTable({ clients, error }: { clients: CaseloadEntry[] | null; error: string | null }) {
  return (
    <DataTable
      rows={clients}
      error={error}
      loadingLabel="Loading your caseload…"
      empty="No client matches that search."
      emptyClassName="muted"
      caption="Your clients"
      columns={['Name', 'Case code', 'Status', 'Opened']}
      rowKey={(c) => c.id}
      cells={(c) => (
        <>
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
        </>
      )}
    />
  );
}
