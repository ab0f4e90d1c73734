import { api } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useLoad } from '../../components/useLoad.js';

type Preview = ResponseOf<'/api/sar/requests/{id}/preview', 'get'>;

/** What the export will hold, as counts, before anything is generated. */
export function PreviewCard({ requestId, version }: { requestId: string; version: number }) {
  const { data: p, error } = useLoad(() => api.get<Preview>(`/api/sar/requests/${encodeURIComponent(requestId)}/preview`), [requestId, version]);
  const rows: [string, string][] = p
    ? [
        ['Identity and contact details', 'included'],
        ['Sessions', `${p.sessions}${p.jointSessions ? ` (${p.jointSessions} joint)` : ''}`],
        ['Progress notes', String(p.progressNotes)],
        ['Process notes', p.processNotesExcluded ? `${p.processNotes} included, ${p.processNotesExcluded} left out` : String(p.processNotes)],
        ['Addenda', String(p.addenda)],
        ['Letters and documents', String(p.documents)],
        ['Agreements and consents', String(p.consents)],
        ['Information shared with others', String(p.disclosures)],
        ['Access log entries', String(p.accessLogEntries)],
        ['Redactions', `${p.redactions.accepted} accepted, ${p.redactions.proposed} to review, ${p.redactions.rejected} rejected`],
      ]
    : [];
  return (
    <Card title="What the export will contain">
      <FormError message={error} />
      {p && (
        <dl className="facts">
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {p && (
        <>
          <h3 className="section-gap">Left out, and why</h3>
          {p.withheld.length === 0 ? (
            <p>Nothing is left out.</p>
          ) : (
            <ul className="withheld-list" data-testid="withheld-list">
              {p.withheld.map((w) => (
                <li key={w.what + w.ground}>
                  <strong>{w.what}</strong>: {w.ground}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
