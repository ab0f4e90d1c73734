/**
 * Disposal reviews on the deadlines dashboard: the date each closed case's record (and, where the
 * policy sets a shorter period, its process notes) comes up for review. Only for whoever manages
 * retention; case codes and dates only.
 */
import { can } from '../../core/access.js';
import type { ClockProvider, DueClock } from '../dashboard/dashboard.js';
import { disposalSchedule } from './retention.service.js';

export const retentionClocks: ClockProvider = {
  source: 'retention',
  async clocks(ctx, principal) {
    if (!can(principal, 'retention.manage')) return [];
    const out: DueClock[] = [];
    for (const c of (await disposalSchedule(ctx, principal)).cases) {
      const status = c.holds.length > 0 ? 'on_hold' : 'awaiting_review';
      out.push({ source: 'retention', id: `${c.caseCode}:record`, label: `Disposal review · ${c.caseCode}`, duty: 'Review the record for secure disposal', due: c.retainUntil, status, caseCode: c.caseCode, href: '/retention' });
      if (c.processNotesUntil && c.processNotesUntil < c.retainUntil) {
        out.push({ source: 'retention', id: `${c.caseCode}:process_notes`, label: `Disposal review · ${c.caseCode}`, duty: 'Review the process notes for secure disposal', due: c.processNotesUntil, status, caseCode: c.caseCode, href: '/retention' });
      }
    }
    return out;
  },
};
