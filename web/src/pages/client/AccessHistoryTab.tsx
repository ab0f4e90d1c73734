import { useState } from 'react';
import { type AccessEvent, api, messageOf } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { FormError } from '../../components/FormError.js';
import { useLoad } from '../../components/useLoad.js';
import { describeAction, describePurpose } from '../../../../src/audit/audit.describe.js';
import { humanise, instant } from '../../format.js';
import { ReportBreachButton } from '../breaches/ReportBreachButton.js';
import { couldBeBreach } from '../breaches/breach-candidates.js';
import { useSession } from '../../session.js';

/** A purpose in words, as a column entry: "To provide care". */
const purposeWords = (p: string): string => {
  const w = describePurpose(p) ?? p;
  return w.charAt(0).toUpperCase() + w.slice(1);
};

type HistoryPage = ResponseOf<'/api/clients/{id}/access-history', 'get'>;

export function AccessHistoryTab({ clientId, practitionerId = null }: { clientId: string; practitionerId?: string | null }) {
  const viewerId = useSession().user.id;
  const base = `/api/clients/${encodeURIComponent(clientId)}/access-history`;
  const first = useLoad(() => api.get<HistoryPage>(base), [base]);
  // Older pages, fetched on request and shown below the first; the first page's total stands.
  const [fetched, setOlder] = useState<{ base: string; items: AccessEvent[]; nextBefore: number | null } | null>(null);
  const older = fetched?.base === base ? fetched : null;
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const events = first.data && [...first.data.items, ...(older?.items ?? [])];
  const total = first.data?.total ?? 0;
  const nextBefore = older ? older.nextBefore : (first.data?.nextBefore ?? null);

  // Older entries are added below the ones shown; nothing already on screen moves.
  const showMore = async () => {
    if (nextBefore === null) return;
    setBusy(true);
    try {
      const p = await api.get<HistoryPage>(`${base}?before=${nextBefore}`);
      // The total stays as the first page counted it: looking at older pages is recorded too, but
      // as newer entries, which this list (newest first, from the first look) does not show.
      setOlder({ base, items: [...(older?.items ?? []), ...p.items], nextBefore: p.nextBefore });
    } catch (err) {
      setMoreError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Access history" description="Everyone who has opened, written or changed this record, newest first. Entries cannot be altered or removed.">
      <DataTable
        rows={events}
        error={first.error}
        loadingLabel="Loading the access history…"
        empty="Nothing recorded yet."
        emptyClassName="empty-inline"
        className="table table-compact"
        testId="access-log"
        caption="Access history, newest first"
        columns={['When', 'Who', 'What', 'Purpose', 'Outcome', <span className="visually-hidden">Breach</span>]}
        rowKey={(e) => String(e.seq)}
        cells={(e) => (
          <>
            <td className="nowrap">{instant(e.at)}</td>
            <td>{e.actorName ?? 'Unknown'}</td>
            <td>
              {describeAction(e.action)}
              {e.reason && <span className="status-detail">Reason: {e.reason}</span>}
            </td>
            <td>{e.purpose ? purposeWords(e.purpose) : '—'}</td>
            <td>
              <span className={`badge badge-outcome-${e.outcome}`}>{e.outcome === 'ok' ? 'Allowed' : humanise(e.outcome)}</span>
            </td>
            <td>{couldBeBreach(e, viewerId, practitionerId) && <ReportBreachButton seq={e.seq} />}</td>
          </>
        )}
      />
      <FormError message={moreError} />
      {events && events.length > 0 && (
        <div className="button-row">
          <p className="muted" data-testid="access-count">Showing {events.length} of {total} entries.</p>
          {nextBefore !== null && <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void showMore()}>Show older entries</button>}
        </div>
      )}
    </Card>
  );
}
