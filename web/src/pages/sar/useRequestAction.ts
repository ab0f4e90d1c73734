import { api } from '../../api.js';
import { useAnnounce } from '../../components/Status.js';
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
