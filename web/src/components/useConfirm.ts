import { useCallback, useState } from 'react';
import { messageOf } from '../api.js';
import { useBusy } from './useBusy.js';

/**
 * The state behind a ConfirmDialog: ask() opens the question; confirm(request, after) sends the
 * request with the dialog busy, closes the question whatever the answer, then runs what follows
 * (announce, reload, move focus). A failure of either becomes `error`, a message for the page.
 */
export function useConfirm() {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const ask = useCallback(() => setAsking(true), []);
  const cancel = useCallback(() => setAsking(false), []);
  const confirm = useCallback(
    async (request: () => Promise<unknown>, after?: () => Promise<void> | void): Promise<void> => {
      setError(null);
      await run(
        async () => {
          try {
            await request();
          } finally {
            setAsking(false);
          }
          await after?.();
        },
        (err) => setError(messageOf(err)),
      );
    },
    [run],
  );
  return { asking, ask, cancel, busy, error, confirm };
}
