import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { civilDate, instant } from '../../format.js';
import { StepForm } from './StepForm.js';
import { type RequestView, STEP_LABELS, type StepEntry } from './types.js';

function StepRecord({ e }: { e: StepEntry }) {
  const parts: [string, string][] = [];
  if (e.state === 'not_needed') parts.push(['Not needed', e.note]);
  else {
    if (e.name) parts.push(['Who', e.name]);
    if (e.source) parts.push(['Source', e.source]);
    if (e.date) parts.push(['When', civilDate(e.date)]);
    if (e.advice) parts.push(['Advice', e.advice]);
    if (e.outcome) parts.push(['Outcome', e.outcome]);
    if (e.consent) parts.push(['Consent', e.consent.replace('_', ' ')]);
    if (e.capable !== null) parts.push(['Able to decide', e.capable ? 'yes' : 'no']);
    if (e.note) parts.push(['Note', e.note]);
  }
  return (
    <>
      <dl className="step-record">
        {parts.map(([k, v]) => <div key={k}><dt>{k}:</dt><dd>{v}</dd></div>)}
      </dl>
      <p className="muted step-meta">Recorded by {e.recordedByName}, {instant(e.recordedAt)}</p>
    </>
  );
}

/** The steps the situation needs, completed one by one; after sign-off, a record only. */
export function ChecklistCard({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const locked = view.decision?.status === 'signed';
  return (
    <Card title="Checklist" description="Each step is recorded with who did what, and when. Sign-off waits until every step is done or marked not needed.">
      <ol className="checklist">
        {view.checklist.map((c) => (
          <li key={c.step} data-testid={`step-${c.step}`}>
            <div className="checklist-head">
              <span>
                {c.latest || (c.bySignOff && locked) ? <span className="step-done">Done: </span> : <span className="step-todo">To do: </span>}
                {STEP_LABELS[c.step] ?? c.step}
                {c.bySignOff && <span className="muted"> (completed by signing off the decision)</span>}
              </span>
              {!locked && !c.bySignOff && (
                <button type="button" className="btn btn-quiet" aria-expanded={open === c.step} aria-label={`${c.latest ? 'Record again' : 'Record'}: ${STEP_LABELS[c.step] ?? c.step}`} onClick={() => setOpen(open === c.step ? null : c.step)}>
                  {c.latest ? 'Record again' : 'Record'}
                </button>
              )}
            </div>
            {c.latest && <StepRecord e={c.latest} />}
            {open === c.step && <StepForm requestId={view.id} step={c.step} onSaved={() => { setOpen(null); onChange(); }} />}
          </li>
        ))}
      </ol>
    </Card>
  );
}
