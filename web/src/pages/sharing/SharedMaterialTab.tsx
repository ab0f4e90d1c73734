import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { useLoad } from '../../components/useLoad.js';
import { instant } from '../../format.js';
import { Link } from '../../router.js';
import { type SharedMaterial, countsText } from './types.js';

/** The client record's "Shared material" tab: what left the record, when, with whom and why. */
export function SharedMaterialTab({ clientId }: { clientId: string }) {
  const { data, error } = useLoad(() => api.get<SharedMaterial>(`/api/clients/${encodeURIComponent(clientId)}/shared-material`), [clientId]);

  const action = (
    <Link className="btn btn-primary" to={`/sharing/new/${encodeURIComponent(clientId)}`}>
      Anonymise for supervision
    </Link>
  );
  return (
    <>
      <Card title="Shared material" actions={action} description="Anonymised notes and summaries shared for supervision, consultation, training, research or publication. Each share keeps the text exactly as it left the record.">
        <DataTable
          rows={data?.records ?? null}
          error={error}
          loadingLabel="Loading shared material…"
          empty="Nothing has been shared from this record."
          emptyClassName="empty-inline"
          testId="shared-material"
          caption="Shared material, newest first"
          columns={['When', 'With', 'Why', 'Consent', 'Changes', <span className="visually-hidden">Open</span>]}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <td className="nowrap">{instant(r.sharedAt)}</td>
              <td>
                {r.recipientKindLabel}
                <div className="muted">{r.recipient}</div>
              </td>
              <td>{r.purpose}</td>
              <td>{r.consent.answer === 'yes' ? 'Consented' : r.consent.answer === 'no' ? 'Not consented' : 'Not needed'}</td>
              <td>{countsText(r.counts)}</td>
              <td>
                <Link to={`/sharing/records/${encodeURIComponent(r.id)}`}>View record</Link>
              </td>
            </>
          )}
        />
      </Card>
      {data && data.drafts.length > 0 && (
        <Card title="Drafts in review" description="Anonymised drafts not yet shared. Nothing leaves the record until every change is reviewed.">
          <ul className="plain-list">
            {data.drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/sharing/drafts/${encodeURIComponent(d.id)}`}>Draft from {instant(d.createdAt)}</Link>{' '}
                <span className="muted">
                  · {d.parts} {d.parts === 1 ? 'part' : 'parts'} · {d.pending} of {d.changes} changes still to review
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
