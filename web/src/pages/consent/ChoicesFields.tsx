import { CHANNEL_LABELS, type Channel } from './types.js';

export interface ChoiceState {
  records: boolean | null;
  supervision: boolean | null;
  channels: Partial<Record<Channel, boolean>>;
}

function YesNo({ name, legend, hint, value, onChange, error }: { name: string; legend: string; hint?: string; value: boolean | null; onChange: (v: boolean) => void; error?: string }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errId = error ? `${name}-error` : undefined;
  return (
    <fieldset className={`choice${error ? ' field-invalid' : ''}`} aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      {error && <p className="field-error" id={errId}><span aria-hidden="true">! </span>{error}</p>}
      <div className="choice-options">
        <label><input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} /> Yes</label>
        <label><input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} /> No</label>
      </div>
    </fieldset>
  );
}

/** The separate consents asked for at signing: each is a yes or a no, never pre-ticked. */
export function ChoicesFields({ state, onChange, channels, errors, young }: {
  state: ChoiceState;
  onChange: (s: ChoiceState) => void;
  channels: { channel: Channel; risk: string }[];
  errors: Record<string, string | undefined>;
  young?: boolean;
}) {
  return (
    <div className="choices">
      <YesNo name="records" legend={young ? 'Is it OK for us to keep notes about our sessions?' : 'Do you agree to us keeping records of our work, as described above?'}
        value={state.records} onChange={(v) => onChange({ ...state, records: v })} error={errors['choices.records']} />
      <YesNo name="supervision" legend={young ? 'Is it OK for us to talk about our work with our supervisor, without using your name?' : 'Do you agree to us discussing our work in supervision, without your name or identifying details?'}
        value={state.supervision} onChange={(v) => onChange({ ...state, supervision: v })} error={errors['choices.supervision']} />
      {channels.length > 0 && <h3 className="choices-heading">{young ? 'How can we get in touch?' : 'Ways of keeping in touch'}</h3>}
      {channels.map((c) => (
        <YesNo key={c.channel} name={`channel-${c.channel}`} legend={`${CHANNEL_LABELS[c.channel]}: may we contact you this way?`} hint={c.risk}
          value={state.channels[c.channel] ?? null} onChange={(v) => onChange({ ...state, channels: { ...state.channels, [c.channel]: v } })} error={errors[`choices.channels.${c.channel}`]} />
      ))}
    </div>
  );
}

/** The first unanswered question, named like the server names it. */
export function missingChoice(s: ChoiceState, channels: Channel[]): string | null {
  if (s.records === null) return 'choices.records';
  if (s.supervision === null) return 'choices.supervision';
  for (const c of channels) if (s.channels[c] === undefined) return `choices.channels.${c}`;
  return null;
}
