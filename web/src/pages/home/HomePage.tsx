import { useEffect } from 'react';
import { Loading } from '../../components/Loading.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { CaseloadPage } from '../caseload/CaseloadPage.js';
import { DiaryPage } from '../diary/DiaryPage.js';

/** Where someone without a caseload starts: the page their role is for. */
export function homeFor(roles: readonly string[]): { path: string; label: string } | null {
  if (roles.includes('practitioner') || roles.includes('operator')) return null;
  if (roles.includes('reception')) return { path: '/diary', label: 'Diary' };
  if (roles.includes('clinical_lead') || roles.includes('dpo')) return { path: '/reviews', label: 'Reviews' };
  if (roles.includes('supervisor')) return { path: '/supervision', label: 'Supervision' };
  if (roles.includes('admin')) return { path: '/team', label: 'Team' };
  return null;
}

/**
 * Home: a practitioner's caseload; reception's diary; the review queue for a clinical lead or the
 * data-protection officer; a supervisor's supervisees; the team for an admin who sees no clients.
 */
export function HomePage() {
  const { roles } = useSession().user;
  const home = homeFor(roles);
  const elsewhere = home && home.path !== '/diary' ? home : null;
  useEffect(() => {
    if (elsewhere) navigate(elsewhere.path, { replace: true });
  }, [elsewhere]);
  if (home?.path === '/diary') return <DiaryPage />;
  return elsewhere ? <Loading label={`Opening ${elsewhere.label}…`} /> : <CaseloadPage />;
}
