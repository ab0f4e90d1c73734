import { CaseloadPage } from '../caseload/CaseloadPage.js';
import { useSession } from '../../session.js';
import { SupervisionPage } from './SupervisionPage.js';

/** Home is the caseload; a supervisor who holds no caseload starts on their Supervision page. */
export function HomePage() {
  const { roles } = useSession().user;
  return roles.includes('supervisor') && !roles.includes('practitioner') ? <SupervisionPage /> : <CaseloadPage />;
}
