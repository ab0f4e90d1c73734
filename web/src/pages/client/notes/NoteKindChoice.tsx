import type { NoteKind } from '../../../api.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import '../record.css';

const KINDS = [
  { value: 'progress', label: 'Progress note', hint: 'The working record of the session: dates, themes, risk, plans. It can form part of a lawful disclosure or a subject access request.' },
  {
    value: 'process',
    label: 'Process note',
    hint: 'Your own reflections on the therapeutic process. Given stronger protection: never included in routine disclosures, and in the US treated as psychotherapy notes.',
  },
];

export function NoteKindChoice({ value, onChange }: { value: NoteKind; onChange: (k: NoteKind) => void }) {
  return <ChoiceGroup type="radio" className="kind-choice" name="kind" legend="Kind of note" options={KINDS} values={[value]} onChange={([k]) => onChange(k as NoteKind)} />;
}
