import { useId } from 'react';

type Reasons = readonly { id: string; label: string }[];

/** A reason code, chosen from plain-language labels, for the audit log. */
export function ReasonSelect({ label, reasons, value, onChange }: { label: string; reasons: Reasons; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {reasons.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
    </div>
  );
}
