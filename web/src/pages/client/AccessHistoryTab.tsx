import { useEffect, useState } from 'react';
import { type AccessEvent, api, messageOf } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
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
  const [events, setEvents] = useState<AccessEvent[] | null>(null);
  const [total, setTotal] = useState(0);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/clients/${encodeURIComponent(clientId)}/access-history`;
  useEffect(() => {
    api.get<HistoryPage>(base).then(
      (p) => {
        setEvents(p.items);
        setTotal(p.total);
        setNextBefore(p.nextBefore);
      },
      (err) => setError(messageOf(err)),
    );
  }, [base]);

  // Older entries are added below the ones shown; nothing already on screen moves.
  const showMore = async () => {
    if (nextBefore === null) return;
    setBusy(true);
    try {
      const p = await api.get<HistoryPage>(`${base}?before=${nextBefore}`);
      // The total stays as the first page counted it: looking at older pages is recorded too, but
      // as newer entries, which this list (newest first, from the first look) does not show.
      setEvents((shown) => [...(shown ?? []), ...p.items]);
      setNextBefore(p.nextBefore);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Access history" description="Everyone who has opened, written or changed this record, newest first. Entries cannot be altered or removed.">
      <FormError message={error} />
      {!events && !error && <Loading label="Loading the access history…" />}
      {events && events.length === 0 && <p className="empty-inline">Nothing recorded yet.</p>}
      {events && events.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact" data-testid="access-log">
            <caption className="visually-hidden">Access history, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Purpose</th>
                <th scope="col">Outcome</th>
                <th scope="col"><span className="visually-hidden">Breach</span></th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{instant(e.at)}</td>
                  <td>{e.actorName ?? 'Unknown'}</td>
                  <td>{describeAction(e.action)}</td>
                  <td>{e.purpose ? purposeWords(e.purpose) : '—'}</td>
                  <td>
                    <span className={`badge badge-outcome-${e.outcome}`}>{e.outcome === 'ok' ? 'Allowed' : humanise(e.outcome)}</span>
                  </td>
                  <td>{couldBeBreach(e, viewerId, practitionerId) && <ReportBreachButton seq={e.seq} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events && events.length > 0 && (
        <div className="button-row">
          <p className="muted" data-testid="access-count">Showing {events.length} of {total} entries.</p>
          {nextBefore !== null && <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void showMore()}>Show older entries</button>}
        </div>
      )}
    </Card>
  );
}
