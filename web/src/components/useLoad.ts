import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api.js';

/**
 * Fetches once per change of `deps` (and on reload()), so a page visit records each read in the
 * audit log once. An answer that arrives after the deps changed is dropped, never shown for the
 * wrong thing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  // The loader is a fresh closure each render; only deps decide when it runs.
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let current = true;
    setError(null);
    loader.current().then(
      (d) => current && setData(d),
      (e) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]); // the caller's deps, plus reloads
  const reload = useCallback(() => setRound((r) => r + 1), []);
  /** Fetch again and wait for it, for a caller that moves on once the fresh data is shown; its failure is the caller's. */
  const refresh = useCallback(async () => setData(await loader.current()), []);
  return { data, error, setData, reload, refresh };
}
