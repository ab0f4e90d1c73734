import { type ReactNode, useId } from 'react';

export interface Choice {
  value: string;
  label: ReactNode;
  help?: ReactNode;
}

/** A set of radio buttons under one legend; an error is announced with each of them. */
export function Choices({ legend, name, value, choices, error, onChange }: { legend: ReactNode; name: string; value: string; choices: Choice[]; error?: string; onChange: (v: string) => void }) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`choice-list${error ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      {choices.map((c) => (
        <label key={c.value} className={`choice${value === c.value ? ' selected' : ''}`}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} aria-describedby={errorId} aria-invalid={error ? true : undefined} />
          <span>
            <strong>{c.label}</strong>
            {c.help && <span className="choice-help">{c.help}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
