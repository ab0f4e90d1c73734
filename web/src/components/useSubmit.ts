import { useCallback, useState } from 'react';
import { useFormErrors } from './useFormErrors.js';

/**
 * A form's errors (useFormErrors) and its busy flag, with run(work): the request runs with the
 * submit button disabled, earlier problems cleared, and a failure shown beside its field or on
 * top of the form. Checks made before sending use setField and do not call run.
 */
export function useSubmit(knownFields: readonly string[]) {
  const formErrors = useFormErrors(knownFields);
  const { clear, fromError } = formErrors;
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      clear();
      setBusy(true);
      try {
        await work();
      } catch (err) {
        fromError(err);
      } finally {
        setBusy(false);
      }
    },
    [clear, fromError],
  );
  return { ...formErrors, busy, run };
}
