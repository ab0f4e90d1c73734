import type { ClockProvider } from '../dashboard/dashboard.js';
import { breachDeadlines } from './register.service.js';

/** Breach clocks on the deadlines dashboard, beside the subject-access clocks. */
export const breachClockProvider: ClockProvider = {
  source: 'breach',
  async clocks(ctx, principal) {
    return (await breachDeadlines(ctx, principal)).map((d) => ({
      source: 'breach', id: `${d.id}:${d.audience}`, label: `Breach · ${d.reference}`, duty: d.duty, due: d.due, status: d.state, caseCode: null, href: d.href,
    }));
  },
};
