import type { ReactNode } from 'react';
import { useSession } from '../../session.js';
import { DiaryPage } from './DiaryPage.js';

/** Someone at reception who holds no caseload starts on the diary; everyone else as before. */
export function ReceptionHome({ otherwise }: { otherwise: ReactNode }) {
  const { roles } = useSession().user;
  return roles.includes('reception') && !roles.includes('practitioner') ? <DiaryPage /> : <>{otherwise}</>;
}
