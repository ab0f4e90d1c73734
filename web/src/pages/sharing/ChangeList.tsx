import { DataTable } from '../../components/DataTable.js';
import { type ReviewSpan, TYPE_LABELS } from './types.js';

/** Every change in one part, each with its own accept and reject buttons (ordinary buttons: keyboard first). */
export function ChangeList({ spans, locked, busy, onDecide }: { spans: ReviewSpan[]; locked: boolean; busy: boolean; onDecide: (s: ReviewSpan, d: 'accepted' | 'rejected') => void }) {
  return (
    <DataTable
      rows={spans}
      empty="No changes proposed in this part. Mark anything the engine missed below."
      emptyClassName="empty-inline"
      className="table table-compact change-list"
      caption="Changes in this part"
      columns={['Original', 'Type', 'Becomes', 'Decision']}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ 'data-testid': 'change', 'data-decision': s.decision, className: `change-${s.decision}` })}
      cells={(s) => {
        const what = `“${s.text}” as ${TYPE_LABELS[s.type].toLowerCase()}`;
        return (
          <>
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
          </>
        );
      }}
    />
  );
}
