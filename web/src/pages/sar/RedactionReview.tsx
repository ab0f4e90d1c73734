import { type ReactNode, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { KIND_LABELS, type Redaction, type ReviewSource } from './types.js';

const STATUS_WORD = { proposed: 'to review', accepted: 'withheld', rejected: 'kept' } as const;

/** The source text with each span marked; overlapping spans show the outer one. */
function Marked({ text, spans }: { text: string; spans: Redaction[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.id} className={`redact redact-${s.status}`}>
        {text.slice(s.start, s.end)}
        <span className="visually-hidden"> ({KIND_LABELS[s.kind] ?? s.kind}, {STATUS_WORD[s.status]})</span>
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <p className="source-text">{parts}</p>;
}

function Proposal({ r, busy, onDecide }: { r: Redaction; busy: boolean; onDecide: (ids: string[], body: Record<string, unknown>) => void }) {
  const [editing, setEditing] = useState(false);
  const [start, setStart] = useState(String(r.start));
  const [end, setEnd] = useState(String(r.end));
  return (
    <li className="proposal">
      <span>
        <strong>{KIND_LABELS[r.kind] ?? r.kind}</strong>: <q>{r.excerpt}</q> — {STATUS_WORD[r.status]}
      </span>
      <span className="button-row">
        <button type="button" className="btn btn-secondary" disabled={busy || r.status === 'accepted'} onClick={() => onDecide([r.id], { decision: 'accept' })}>
          Withhold<span className="visually-hidden"> “{r.excerpt}”</span>
        </button>
        <button type="button" className="btn btn-quiet" disabled={busy || r.status === 'rejected'} onClick={() => onDecide([r.id], { decision: 'reject' })}>
          Keep<span className="visually-hidden"> “{r.excerpt}”</span>
        </button>
        <button type="button" className="btn btn-link" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit span<span className="visually-hidden"> of “{r.excerpt}”</span>
        </button>
      </span>
      {editing && (
        <form className="span-edit" onSubmit={(e) => { e.preventDefault(); onDecide([r.id], { decision: 'accept', start: Number(start), end: Number(end) }); setEditing(false); }}>
          <TextField label="From character" name="start" type="number" min={0} value={start} onChange={setStart} />
          <TextField label="to" name="end" type="number" min={1} value={end} onChange={setEnd} />
          <button type="submit" className="btn btn-secondary">
            Withhold this span
          </button>
        </form>
      )}
    </li>
  );
}

/** Every proposal beside its text: the practitioner withholds, keeps or adjusts each one. */
export function RedactionReview({ requestId, onChange }: { requestId: string; onChange: () => void }) {
  const base = `/api/sar/requests/${encodeURIComponent(requestId)}/redactions`;
  const { data, error: loadError, reload } = useLoad(() => api.get<{ sources: ReviewSource[] }>(base), [base]);
  const sources = data?.sources ?? null;
  const { errors, busy, run: send } = useSubmit([]);
  const announce = useAnnounce();

  const run = (fn: () => Promise<unknown>, message: string) =>
    send(async () => {
      await fn();
      reload();
      onChange();
      announce(message);
    });
  const decide = (ids: string[], body: Record<string, unknown>) =>
    void run(() => api.post(`${base}/decide`, { ids, ...body }), body.decision === 'accept' ? `${ids.length} withheld.` : `${ids.length} kept.`);
  const pending = (sources ?? []).flatMap((s) => s.redactions).filter((r) => r.status === 'proposed');

  return (
    <Card
      title="Redaction review"
      description="Other people’s information — a partner in joint sessions, someone who spoke in confidence — is proposed for withholding. Decide each one; every decision is recorded with its legal ground."
      actions={
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void run(() => api.post(`${base}/propose`), 'Proposals updated.')}>
          Find information to withhold
        </button>
      }
    >
      <FormError message={errors.form ?? loadError} />
      {sources && sources.length === 0 && <p>No proposals yet. Use “Find information to withhold” to look through every note and letter.</p>}
      {pending.length > 1 && (
        <p>
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => decide(pending.map((r) => r.id), { decision: 'accept' })}>
            Withhold all {pending.length} proposals
          </button>
        </p>
      )}
      {sources?.map((s) => (
        <section key={s.id} className="source" aria-label={s.label}>
          <h3>{s.label}</h3>
          <Marked text={s.text} spans={s.redactions} />
          <ul className="proposal-list">
            {s.redactions.map((r) => (
              <Proposal key={`${r.id}-${r.status}-${r.start}-${r.end}`} r={r} busy={busy} onDecide={decide} />
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}
