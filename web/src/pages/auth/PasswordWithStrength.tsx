import { type ReactNode, useId } from 'react';
import { Field } from '../../components/Field.js';
import { PasswordStrength } from '../../components/PasswordStrength.js';

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
}

/** A new password with its strength meter under it, the meter announced with the field. */
export function PasswordWithStrength({ label, hint, error, name, value, onChange }: Props) {
  const strengthId = useId();
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <>
          <input {...p} aria-describedby={[p['aria-describedby'], strengthId].filter(Boolean).join(' ')} name={name} type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} />
          <PasswordStrength password={value} id={strengthId} />
        </>
      )}
    </Field>
  );
}
