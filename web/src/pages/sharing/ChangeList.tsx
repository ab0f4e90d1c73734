import { type ReviewSpan, TYPE_LABELS } from './types.js';

/** Every change in one part, each with its own accept and reject buttons (ordinary buttons: keyboard first). */
export function ChangeList({ spans, locked, busy, onDecide }: { spans: ReviewSpan[]; locked: boolean; busy: boolean; onDecide: (s: ReviewSpan, d: 'accepted' | 'rejected') => void }) {
  if (spans.length === 0) return <p className="empty-inline">No changes proposed in this part. Mark anything the engine missed below.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact change-list">
        <caption className="visually-hidden">Changes in this part</caption>
        <thead>
          <tr>
            <th scope="col">Original</th>
            <th scope="col">Type</th>
            <th scope="col">Becomes</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {spans.map((s) => {
            const what = `“${s.text}” as ${TYPE_LABELS[s.type].toLowerCase()}`;
            return (
              <tr key={s.id} data-testid="change" data-decision={s.decision} className={`change-${s.decision}`}>
                <th scope="row" className="change-original">
                  {s.text}
                  {s.origin === 'added' && <span className="badge badge-added">added by you</span>}
                </th>
                <td>{TYPE_LABELS[s.type]}</td>
                <td className="change-replacement">{s.decision === 'rejected' ? <span className="muted">kept as written</span> : s.replacement}</td>
                <td>
                  <div className="decision-buttons" role="group" aria-label={`Decision on ${what}`}>
                    <button type="button" className="btn btn-small btn-accept" aria-pressed={s.decision === 'accepted'} disabled={locked || busy} onClick={() => onDecide(s, 'accepted')}>
                      Accept<span className="visually-hidden"> {what}</span>
                    </button>
                    <button type="button" className="btn btn-small btn-reject" aria-pressed={s.decision === 'rejected'} disabled={locked || busy} onClick={() => onDecide(s, 'rejected')}>
                      Reject<span className="visually-hidden"> {what}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
