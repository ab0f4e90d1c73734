import { useCallback, useRef, useState } from 'react';
import { ApiError, messageOf } from '../api.js';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

/**
 * Turn a failed request into messages: a validation error naming a field the form shows goes
 * beside that field; anything else is a message for the whole form.
 */
export function useFormErrors(knownFields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  // Callers pass a fresh array literal each render. Reading it through a ref keeps fromError the
  // same function for the component's life, so an effect that lists it as a dependency runs once
  // per real change instead of after every render (a re-fetch loop that floods the audit log).
  const known = useRef(knownFields);
  known.current = knownFields;
  const clear = useCallback(() => setErrors({ fields: {}, form: null }), []);
  const fromError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.field && known.current.includes(err.field)) {
        setErrors({ fields: { [err.field]: err.message }, form: null });
        focusField(err.field);
      } else setErrors({ fields: {}, form: messageOf(err) });
    },
    [],
  );
  const setField = useCallback((field: string, message: string) => {
    setErrors({ fields: { [field]: message }, form: null });
    focusField(field);
  }, []);
  return { errors, clear, fromError, setField };
}

function focusField(name: string): void {
  window.setTimeout(() => document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus(), 0);
}
