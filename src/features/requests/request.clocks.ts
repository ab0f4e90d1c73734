/**
 * Requests for information on the deadlines dashboard: every request not yet decided that has a
 * date to answer by, whether a requester's reply-by date or the date a court order sets. Codes and
 * dates only; no names, so reading the dashboard opens nothing.
 */
import type { ClockProvider } from '../dashboard/dashboard.js';
import { referenceOf } from './letters.service.js';
import { caseCodesOf, openRequestClocks } from './requests.repository.js';

const DUTY: Record<string, string> = {
  court_order: 'Comply with the court order (or apply to vary it)',
  subpoena: 'Answer the summons',
  warrant: 'Answer the warrant',
  statutory_notice: 'Answer the statutory notice',
};

export const requestClocks: ClockProvider = {
  source: 'request',
  async clocks(ctx, principal) {
    const rows = await openRequestClocks(ctx.db.kysely, principal.practiceId);
    // The same visibility as the register: a practitioner sees requests about their own clients
    // and the unlinked ones they logged; the operator sees them all.
    const own = principal.roles.includes('operator') ? null : await caseCodesOf(ctx.db.kysely, [principal.userId, ...(principal.relations?.covering ?? [])]);
    return rows
      .filter((r) => own === null || (r.case_code ? own.has(r.case_code) : r.created_by === principal.userId))
      .map((r) => ({
        source: 'request',
        id: r.id,
        label: `Request for information ${referenceOf(r.id)}${r.case_code ? ` · ${r.case_code}` : ''}`,
        duty: DUTY[r.authority] ?? 'Reply to the requester',
        due: r.due_on,
        status: r.status,
        caseCode: r.case_code,
        href: `/requests/${encodeURIComponent(r.id)}`,
      }));
  },
};
