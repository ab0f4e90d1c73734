import { useCallback } from 'react';
import { useBusy } from './useBusy.js';
import { useFormErrors } from './useFormErrors.js';

/**
 * useFormErrors and useBusy together, for a form that sends one request: run(work) clears the
 * earlier problems, sends with the submit button disabled, and shows a failure beside its field
 * or on top of the form. Checks made before sending use setField and do not call run.
 */
export function useSubmit(knownFields: readonly string[]) {
  const formErrors = useFormErrors(knownFields);
  const { clear, fromError } = formErrors;
  const busy = useBusy();
  const send = busy.run;
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<void> => {
      clear();
      await send(work, fromError);
    },
    [clear, fromError, send],
  );
  return { ...formErrors, busy: busy.busy, run };
}
