import { api } from '../../api.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import type { SarRequest } from './types.js';

/**
 * One step on a rights request (verify, extend, decide, deliver…): the form's errors and busy
 * flag (useSubmit), and post(), which sends the step, hands the updated request on and says what
 * happened; `after` runs only once the step is recorded.
 */
export function useRequestAction(r: SarRequest, onDone: (r: SarRequest) => void, fields: readonly string[]) {
  const submit = useSubmit(fields);
  const announce = useAnnounce();
  const post = (step: string, body: unknown, message: string, after?: () => void) =>
    submit.run(async () => {
      onDone(await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/${step}`, body));
      announce(message);
      after?.();
    });
  return { ...submit, post };
}

/** Whether the request still takes decisions (its clock is running). */
export const isOpen = (r: SarRequest) => r.status === 'awaiting_verification' || r.status === 'in_progress';

/**
 * useRequestAction with the form's text fields (named as the server names them, so its errors
 * land beside them). Editing a field clears the problems shown: they may no longer hold.
 */
export function useRequestForm<T extends Record<string, string>>(r: SarRequest, onDone: (r: SarRequest) => void, initial: T, otherFields: readonly string[] = []) {
  const action = useRequestAction(r, onDone, [...Object.keys(initial), ...otherFields]);
  const { values, setValues, bind: plain } = useFieldValues(initial, action.errors.fields);
  const bind = (name: keyof T & string) => {
    const b = plain(name);
    return { ...b, onChange: (v: string) => { b.onChange(v); action.clear(); } };
  };
  return { ...action, values, setValues, bind };
}
