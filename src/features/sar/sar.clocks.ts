import type { ClockProvider } from '../dashboard/dashboard.js';
import { listRequests } from './sar.service.js';

const LABEL: Record<string, string> = {
  access: 'Subject access', erasure: 'Erasure', rectification: 'Rectification', portability: 'Portability', restriction: 'Restriction', objection: 'Objection',
};

/** Open rights requests on the deadline dashboard. */
export const sarClocks: ClockProvider = {
  source: 'sar',
  async clocks(ctx, principal) {
    const open = await listRequests(ctx, principal, { openOnly: true });
    return open.map((r) => ({
      source: 'sar', id: r.id, label: `${LABEL[r.right] ?? r.right} · ${r.caseCode}`, duty: 'Reply to the client', due: r.dueOn, status: r.status, caseCode: r.caseCode,
      href: r.openable ? `/subject-access/${r.id}` : '/subject-access',
    }));
  },
};
