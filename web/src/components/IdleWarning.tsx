import { useEffect, useState } from 'react';
import { api, lastServerContact } from '../api.js';

/** The server signs a session out after 15 idle minutes; warn two minutes before. */
const IDLE_LIMIT_MS = 15 * 60_000;
const WARN_AT_MS = 13 * 60_000;

export function IdleWarning({ onSignOut }: { onSignOut: () => Promise<void> }) {
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    const tick = () => {
      const idle = Date.now() - lastServerContact();
      if (idle >= IDLE_LIMIT_MS) void onSignOut();
      else setRemaining(idle >= WARN_AT_MS ? IDLE_LIMIT_MS - idle : null);
    };
    const t = window.setInterval(tick, 5000);
    return () => window.clearInterval(t);
  }, [onSignOut]);

  if (remaining === null) return null;
  const minutes = Math.max(1, Math.ceil(remaining / 60_000));
  return (
    <div className="idle-warning" role="alert">
      <p>
        You will be signed out in about {minutes} {minutes === 1 ? 'minute' : 'minutes'} because nothing has happened for a while.
      </p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => {
          void api.get('/api/auth/me').then(() => setRemaining(null), () => undefined);
        }}
      >
        Stay signed in
      </button>
    </div>
  );
}
