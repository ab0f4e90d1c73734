import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { CHANNEL_LABELS, type Channel } from './types.js';

export interface ChoiceState {
  records: boolean | null;
  supervision: boolean | null;
  channels: Partial<Record<Channel, boolean>>;
}

interface YesNoProps {
  /** The server's name for the answer, so its error lands here and focus can find it. */
  name: string;
  legend: string;
  hint?: string;
  value: boolean | null;
  onChange: (v: boolean) => void;
  error?: string;
  /** What "No" says where it has a consequence worth naming. */
  noLabel?: string;
}

/** A question answered yes or no, neither picked until the person picks one. */
export function YesNo({ name, legend, hint, value, onChange, error, noLabel = 'No' }: YesNoProps) {
  return (
    <ChoiceGroup
      type="radio"
      className="choice"
      name={name}
      legend={legend}
      hint={hint}
      error={error}
      options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: noLabel }]}
      values={value === null ? [] : [value ? 'yes' : 'no']}
      onChange={([v]) => onChange(v === 'yes')}
    />
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
      <YesNo name="choices.records" legend={young ? 'Is it OK for us to keep notes about our sessions?' : 'Do you agree to us keeping records of our work, as described above?'}
        value={state.records} onChange={(v) => onChange({ ...state, records: v })} error={errors['choices.records']} />
      <YesNo name="choices.supervision" legend={young ? 'Is it OK for us to talk about our work with our supervisor, without using your name?' : 'Do you agree to us discussing our work in supervision, without your name or identifying details?'}
        value={state.supervision} onChange={(v) => onChange({ ...state, supervision: v })} error={errors['choices.supervision']} />
      {channels.length > 0 && <h3 className="choices-heading">{young ? 'How can we get in touch?' : 'Ways of keeping in touch'}</h3>}
      {channels.map((c) => (
        <YesNo key={c.channel} name={`choices.channels.${c.channel}`} legend={`${CHANNEL_LABELS[c.channel]}: may we contact you this way?`} hint={c.risk || undefined}
          value={state.channels[c.channel] ?? null} onChange={(v) => onChange({ ...state, channels: { ...state.channels, [c.channel]: v } })} error={errors[`choices.channels.${c.channel}`]} />
      ))}
    </div>
  );
}

/** The server's names for every answer asked for, so a refusal naming one is shown beside it. */
export const choiceFields = (channels: Channel[]): string[] => ['choices.records', 'choices.supervision', ...channels.map((c) => `choices.channels.${c}`)];

/** The first unanswered question, named like the server names it. */
export function missingChoice(s: ChoiceState, channels: Channel[]): string | null {
  if (s.records === null) return 'choices.records';
  if (s.supervision === null) return 'choices.supervision';
  for (const c of channels) if (s.channels[c] === undefined) return `choices.channels.${c}`;
  return null;
}
