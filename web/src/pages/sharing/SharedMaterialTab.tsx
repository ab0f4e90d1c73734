import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { instant } from '../../format.js';
import { Link } from '../../router.js';
import { type SharedMaterial, countsText } from './types.js';

/** The client record's "Shared material" tab: what left the record, when, with whom and why. */
export function SharedMaterialTab({ clientId }: { clientId: string }) {
  const [data, setData] = useState<SharedMaterial | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<SharedMaterial>(`/api/clients/${encodeURIComponent(clientId)}/shared-material`).then(setData, (e) => setError(messageOf(e)));
  }, [clientId]);

  const action = (
    <Link className="btn btn-primary" to={`/sharing/new/${encodeURIComponent(clientId)}`}>
      Anonymise for supervision
    </Link>
  );
  return (
    <>
      <Card title="Shared material" actions={action} description="Anonymised notes and summaries shared for supervision, consultation, training, research or publication. Each share keeps the text exactly as it left the record.">
        <FormError message={error} />
        {!data && !error && <Loading label="Loading shared material…" />}
        {data && data.records.length === 0 && <p className="empty-inline">Nothing has been shared from this record.</p>}
        {data && data.records.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="shared-material">
              <caption className="visually-hidden">Shared material, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">With</th>
                  <th scope="col">Why</th>
                  <th scope="col">Consent</th>
                  <th scope="col">Changes</th>
                  <th scope="col"><span className="visually-hidden">Open</span></th>
                </tr>
              </thead>
              <tbody>
                {data.records.map((r) => (
                  <tr key={r.id}>
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
