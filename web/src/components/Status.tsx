import { type ReactNode, createContext, useCallback, useContext, useRef, useState } from 'react';

/**
 * One polite live region for the whole app: "Note signed", "Client added". It is always in the
 * DOM (screen readers only announce changes to a region that already exists) and is also shown.
 */
type Announce = (message: string) => void;
const StatusContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(StatusContext);
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback<Announce>((m) => {
    window.clearTimeout(timer.current);
    setMessage('');
    // A fresh text node each time, so a repeated message is announced again.
    window.setTimeout(() => setMessage(m), 30);
    timer.current = window.setTimeout(() => setMessage(''), 5000);
  }, []);
  return (
    <StatusContext.Provider value={announce}>
      {children}
      <div className={message ? 'toast toast-visible' : 'toast'} role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </StatusContext.Provider>
  );
}
