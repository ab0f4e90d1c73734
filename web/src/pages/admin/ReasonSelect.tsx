import { SelectField } from '../../components/fields.js';

type Reasons = readonly { id: string; label: string }[];

interface Props {
  label: string;
  reasons: Reasons;
  value: string;
  onChange: (v: string) => void;
  /** The request's field, so a refusal naming it lands here. */
  name?: string;
  error?: string;
}

/** A reason code, chosen from plain-language labels, for the audit log. */
export function ReasonSelect({ label, reasons, value, onChange, name = 'reason', error }: Props) {
  return <SelectField label={label} name={name} value={value} onChange={onChange} error={error} options={reasons.map((r) => ({ value: r.id, label: r.label }))} />;
}
