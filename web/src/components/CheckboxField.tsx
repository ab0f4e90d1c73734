import { type ReactNode, useId } from 'react';
import { FieldError } from './FieldError.js';

interface CheckboxFieldProps {
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** One checkbox with its label beside it, then its hint and error, announced with it. */
export function CheckboxField({ name, label, hint, error, className, checked, onChange, disabled }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field-check${className ? ` ${className}` : ''}`}>
      <input type="checkbox" id={id} name={name} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
