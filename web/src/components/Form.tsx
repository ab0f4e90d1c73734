import type { FormEvent, ReactNode } from 'react';
import { FormError } from './FormError.js';

interface FormProps {
  /** Called with the browser's own submission already stopped. */
  onSubmit: () => void | Promise<void>;
  /** The form-level problem (useFormErrors().errors.form), shown above the fields. */
  error?: string | null;
  busy: boolean;
  submitLabel: ReactNode;
  /** The submit button's look where it is not the page's main action (default btn btn-primary). */
  submitClassName?: string;
  /** What the submit button says while the request runs. */
  busyLabel: ReactNode;
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  /** Names the form where the page has more than one. */
  'aria-label'?: string;
  className?: string;
  /** Anything else in the button row, after the submit button. */
  extraButtons?: ReactNode;
  children: ReactNode;
}

/** A form in the kit's order: its problem on top, the fields, then submit (and cancel). */
export function Form({ onSubmit, error, busy, submitLabel, submitClassName = 'btn btn-primary', busyLabel, onCancel, cancelLabel = 'Cancel', className, extraButtons, children, ...aria }: FormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className={className} aria-label={aria['aria-label']}>
      <FormError message={error} />
      {children}
      <div className="button-row">
        <button type="submit" className={submitClassName} disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {extraButtons}
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </form>
  );
}
