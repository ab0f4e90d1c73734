import { useEffect } from 'react';
import { CaseloadPage } from '../caseload/CaseloadPage.js';
import { Loading } from '../../components/Loading.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';

/** Home is the caseload; a supervisor who holds no caseload starts on their Supervision page instead. */
export function HomePage() {
  const { roles } = useSession().user;
  const supervisorOnly = roles.includes('supervisor') && !roles.includes('practitioner');
  useEffect(() => {
    if (!supervisorOnly) return;
    // After this render's effects: the app's path listener (a parent's effect) is attached by then.
    const t = window.setTimeout(() => navigate('/supervision', { replace: true }), 0);
    return () => window.clearTimeout(t);
  }, [supervisorOnly]);
  return supervisorOnly ? <Loading label="Opening Supervision…" /> : <CaseloadPage />;
}
