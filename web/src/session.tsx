import { createContext, useContext } from 'react';
import type { Health, User } from './api.js';

/** What every page inside the app may rely on: the practice and the signed-in user. */
export interface AppSession {
  health: Health;
  user: User;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<AppSession | null>(null);

export function useSession(): AppSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in app');
  return s;
}
