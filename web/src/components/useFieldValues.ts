import { useState } from 'react';

/**
 * The values of a form's text fields, and `bind(name)` giving a kit field its name, value, change
 * handler and error in one spread.
 */
export function useFieldValues<T extends Record<string, string>>(initial: T, fieldErrors: Record<string, string>) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: fieldErrors[name],
  });
  return { values, setValues, bind };
}
