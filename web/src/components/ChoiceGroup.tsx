import { type ReactNode, useId } from 'react';
import type { Choice } from './fields.js';
import { FieldError } from './FieldError.js';

interface ChoiceGroupProps {
  /** Checkboxes pick any number (values); radios pick one (values holds at most one). */
  type: 'checkbox' | 'radio';
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  options: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/**
 * A set of checkboxes or radios under one legend. The group's hint and error are announced with
 * the group; each choice's own hint is announced with that choice.
 */
export function ChoiceGroup({ type, name, legend, hint, error, className, options, values, onChange }: ChoiceGroupProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const pick = (value: string, on: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(on ? [...values, value] : values.filter((v) => v !== value));
  };
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {options.map((o) => (
        <div className="field-check" key={o.value}>
          <input
            type={type}
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={values.includes(o.value)}
            onChange={(e) => pick(o.value, e.target.checked)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <span className="hint" id={`${id}-${o.value}-hint`}>
              {o.hint}
            </span>
          )}
        </div>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
