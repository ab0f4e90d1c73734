import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Grant, type Health, type TotpEnrolment, api, messageOf, onGate } from './api.js';
import { Shell } from './components/Shell.js';
import { setPracticeZone } from './format.js';
import { StatusProvider } from './components/Status.js';
import { GateLayout } from './components/GateLayout.js';
import { Loading } from './components/Loading.js';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage.js';
import { EnrolPage } from './pages/auth/EnrolPage.js';
import { SetupPage } from './pages/auth/SetupPage.js';
import { SignInPage } from './pages/auth/SignInPage.js';
import { UnlockPage } from './pages/auth/UnlockPage.js';
import { routes } from './routes.js';
import { type AppSession, SessionContext } from './session.js';

/**
 * Which screen the app is on. Before the app proper there are gates, decided by the server's
 * state (not the address bar, so the page a person was on survives signing in again).
 */
type Gate =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'unlock' }
  | { kind: 'signin'; reason?: string }
  | { kind: 'enrol'; enrolment?: TotpEnrolment }
  | { kind: 'change_password'; displayName: string }
  | { kind: 'ready'; session: Omit<AppSession, 'signOut'> };

export function App() {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const [health, setHealth] = useState<Health | null>(null);

  const load = useCallback(async () => {
    try {
      const h = await api.get<Health>('/api/health');
      setHealth(h);
      if (h.needsSetup && h.vault === 'uninitialised') return setGate({ kind: 'setup' });
      if (h.vault !== 'unsealed') return setGate({ kind: 'unlock' });
      if (h.needsSetup) return setGate({ kind: 'setup' });
      const me = await api.get<Grant>('/api/auth/me', { quiet: true });
      if (me.stage === 'enrol_totp') setGate({ kind: 'enrol' });
      else if (me.stage === 'change_password') setGate({ kind: 'change_password', displayName: me.user.displayName });
      else {
        // Dates and times everywhere follow the practice's locale and zone.
        const practice = await api.get<{ jurisdiction: string; timeZone: string }>('/api/practice', { quiet: true }).catch(() => null);
        if (practice) setPracticeZone(practice);
        setGate({ kind: 'ready', session: { health: h, user: me.user } });
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setGate({ kind: 'signin' });
      else if (err instanceof ApiError && err.code === 'sealed') setGate({ kind: 'unlock' });
      else setGate({ kind: 'unavailable', message: messageOf(err) });
    }
  }, []);

  useEffect(() => {
    void load();
    return onGate((event) => {
      if (event === 'sealed') setGate({ kind: 'unlock' });
      else setGate({ kind: 'signin', reason: 'Your session has ended. Please sign in again.' });
    });
  }, [load]);

  useEffect(() => {
    const titles: Partial<Record<Gate['kind'], string>> = { setup: 'Set up', unlock: 'Unlock', signin: 'Sign in', enrol: 'Second factor', change_password: 'New password', loading: 'Loading' };
    const t = titles[gate.kind];
    if (t) document.title = `${t} · Sanctum`;
  }, [gate.kind]);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/signout', {}, { quiet: true }).catch(() => undefined);
    setGate({ kind: 'signin', reason: 'You have signed out.' });
  }, []);

  const practiceName = health?.practiceName;
  let screen;
  switch (gate.kind) {
    case 'loading':
      screen = <GateLayout><Loading label="Opening Sanctum…" /></GateLayout>;
      break;
    case 'unavailable':
      screen = (
        <GateLayout>
          <h1 tabIndex={-1}>Sanctum is not available</h1>
          <p>{gate.message}</p>
          <button type="button" className="btn btn-primary" onClick={() => void load()}>Try again</button>
        </GateLayout>
      );
      break;
    case 'setup':
      screen = <SetupPage onDone={(enrolment) => setGate({ kind: 'enrol', enrolment })} />;
      break;
    case 'unlock':
      screen = <UnlockPage onUnlocked={() => void load()} />;
      break;
    case 'signin':
      screen = <SignInPage practiceName={practiceName} reason={gate.reason} onSignedIn={() => void load()} />;
      break;
    case 'enrol':
      screen = <EnrolPage practiceName={practiceName} enrolment={gate.enrolment} onDone={() => void load()} />;
      break;
    case 'change_password':
      screen = <ChangePasswordPage practiceName={practiceName} displayName={gate.displayName} onDone={() => void load()} onEnded={(reason) => setGate({ kind: 'signin', reason })} onSignOut={() => void signOut()} />;
      break;
    case 'ready':
      screen = (
        <SessionContext.Provider value={{ ...gate.session, signOut }}>
          <Shell routes={routes} />
        </SessionContext.Provider>
      );
  }
  return <StatusProvider>{screen}</StatusProvider>;
}
