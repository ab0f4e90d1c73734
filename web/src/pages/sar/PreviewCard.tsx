import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';

interface Preview {
  sessions: number;
  jointSessions: number;
  progressNotes: number;
  processNotes: number;
  processNotesExcluded: number;
  addenda: number;
  documents: number;
  consents: number | null;
  disclosures: number | null;
  accessLogEntries: number;
  redactions: { proposed: number; accepted: number; rejected: number };
}

/** What the export will hold, as counts, before anything is generated. */
export function PreviewCard({ requestId, version }: { requestId: string; version: number }) {
  const [p, setP] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<Preview>(`/api/sar/requests/${encodeURIComponent(requestId)}/preview`).then(setP, (e) => setError(messageOf(e)));
  }, [requestId, version]);
  const rows: [string, string][] = p
    ? [
        ['Identity and contact details', 'included'],
        ['Sessions', `${p.sessions}${p.jointSessions ? ` (${p.jointSessions} joint)` : ''}`],
        ['Progress notes', String(p.progressNotes)],
        ['Process notes', p.processNotesExcluded ? `${p.processNotes} included, ${p.processNotesExcluded} left out` : String(p.processNotes)],
        ['Addenda', String(p.addenda)],
        ['Letters and documents', String(p.documents)],
        ['Consents and agreements', p.consents === null ? 'not recorded here' : String(p.consents)],
        ['Disclosures', p.disclosures === null ? 'not recorded here' : String(p.disclosures)],
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
    </Card>
  );
}
