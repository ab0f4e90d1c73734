import { useCallback, useState } from 'react';

/**
 * A form's busy flag and run(work, onError): busy while the work runs (so its button cannot be
 * pressed twice), its failure handed to onError (usually useFormErrors().fromError).
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<unknown>, onError: (err: unknown) => void) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
