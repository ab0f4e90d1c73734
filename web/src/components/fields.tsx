import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Field } from './Field.js';

/** What every kit field takes: the field's name (the server's, so its errors land here) and its words. */
interface FieldBase {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  error?: string;
  /** On the field's wrapper, not the control. */
  className?: string;
  value: string;
  onChange: (value: string) => void;
}

type Omitted = 'name' | 'value' | 'onChange' | 'id' | 'className' | 'children';

/** controlClassName styles the input itself (e.g. input-code for a one-time code). */
export type TextFieldProps = FieldBase & { controlClassName?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, Omitted>;

/** A one-line input (text, email, date, password, number…). */
export function TextField({ name, label, hint, optional, error, className, controlClassName, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} optional={optional} error={error} className={className}>
      {(p) => <input {...input} {...p} className={controlClassName} name={name} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export type TextAreaProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Omitted>;

export function TextArea({ name, label, hint, optional, error, className, value, onChange, ...area }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} optional={optional} error={error} className={className}>
      {(p) => <textarea {...area} {...p} name={name} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export type SelectFieldProps = FieldBase & { options: readonly Choice[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, Omitted>;

export function SelectField({ name, label, hint, optional, error, className, value, onChange, options, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} optional={optional} error={error} className={className}>
      {(p) => (
        <select {...select} {...p} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
