import type { NoteKind } from '../../../api.js';

const KINDS: { kind: NoteKind; label: string; help: string }[] = [
  { kind: 'progress', label: 'Progress note', help: 'The working record of the session: dates, themes, risk, plans. It can form part of a lawful disclosure or a subject access request.' },
  {
    kind: 'process',
    label: 'Process note',
    help: 'Your own reflections on the therapeutic process. Given stronger protection: never included in routine disclosures, and in the US treated as psychotherapy notes.',
  },
];

export function NoteKindChoice({ value, onChange }: { value: NoteKind; onChange: (k: NoteKind) => void }) {
  return (
    <fieldset className="kind-choice">
      <legend>Kind of note</legend>
      {KINDS.map((k) => (
        <label key={k.kind} className={`kind-option${value === k.kind ? ' selected' : ''}`}>
          <input type="radio" name="kind" value={k.kind} checked={value === k.kind} onChange={() => onChange(k.kind)} />
          <span>
            <strong>{k.label}</strong>
            <span className="kind-help">{k.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
