/**
 * The register as a whole: the list with clocks, the clocks for the deadlines dashboard, and
 * opening a breach straight from an audit-log entry.
 */
import type { Principal } from '../../core/access.js';
import { can } from '../../core/access.js';
import { invalidInput, notFound } from '../../core/errors.js';
import { entryAt, recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCaseByCode } from '../clients/case-access.js';
import { caseByCode } from '../clients/clients.repository.js';
import type { Breach, BreachSummary } from './breaches.js';
import { practiceOf, requireAction } from './breach-access.js';
import { type WithClocks, summaryOf, withClocks } from './breach-view.js';
import { type NewBreach, reportBreach } from './breaches.service.js';
import * as repo from './breaches.repository.js';

export async function listRegister(ctx: AppContext, p: Principal): Promise<WithClocks<BreachSummary>[]> {
  requireAction(p, 'breach.manage');
  const out = await registerWithClocks(ctx, p.practiceId);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'breach.list', targetType: 'breach_register', details: { count: out.length } });
  return out;
}

async function registerWithClocks(ctx: AppContext, practiceId: string): Promise<WithClocks<BreachSummary>[]> {
  const db = ctx.db.kysely;
  const rows = await repo.listBreaches(db, practiceId);
  const notes = await repo.notificationsOf(db, rows.map((r) => r.id));
  const practice = await practiceOf(ctx, { practiceId, userId: 'system', roles: [] });
  const out: WithClocks<BreachSummary>[] = [];
  for (const r of rows) {
    const affected = (await repo.affectedOf(db, r.id)).map((a) => a.clientId);
    out.push(withClocks(summaryOf(r), notes.filter((n) => n.breach_id === r.id), affected, ctx.clock.now(), practice.timeZone));
  }
  return out;
}

/**
 * One entry per running breach clock, in the shape the deadlines dashboard shows beside the
 * subject-access clocks. Ids, references and dates only. The dashboard calls this; it audits
 * the dashboard view itself.
 */
export interface DashboardDeadline {
  source: 'breach';
  id: string;
  reference: string;
  label: string;
  audience: string;
  duty: string;
  due: string;
  state: 'running' | 'overdue';
  href: string;
}

const AUDIENCE_LABEL: Record<string, string> = { regulator: 'Tell the regulator', individual: 'Tell the people affected', hhs: 'Tell HHS', media: 'Tell the media' };

export async function breachDeadlines(ctx: AppContext, p: Principal): Promise<DashboardDeadline[]> {
  if (!can(p, 'breach.manage')) return [];
  const out: DashboardDeadline[] = [];
  for (const b of await registerWithClocks(ctx, p.practiceId)) {
    if (b.status !== 'open') continue;
    for (const c of b.clocks) {
      if (c.state !== 'running' && c.state !== 'overdue') continue;
      out.push({ source: 'breach', id: b.id, reference: b.reference, label: `${AUDIENCE_LABEL[c.audience]} (${b.reference})`, audience: c.audience, duty: AUDIENCE_LABEL[c.audience], due: c.due, state: c.state, href: `/breaches/${b.id}` });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

/**
 * An access that had no legitimate reason is itself a breach: open one from the log entry. A
 * practitioner may do so for entries on their own cases (the access history they can see).
 */
export async function breachFromAudit(ctx: AppContext, p: Principal, seq: number, extra: Partial<NewBreach> = {}): Promise<WithClocks<Breach>> {
  requireAction(p, 'breach.report');
  if (!Number.isInteger(seq) || seq < 1) throw invalidInput('seq', 'expected an audit entry number');
  const entry = await entryAt(ctx.db.kysely, seq);
  if (!entry) throw notFound('audit entry');
  if (!entry.caseCode) throw invalidInput('seq', 'That entry is not about a client record.');
  // Managers may open a breach for any case in the practice; a practitioner only for their own.
  const c = can(p, 'breach.manage') ? await caseByCode(ctx.db.kysely, entry.caseCode) : await requireCaseByCode(ctx, p, entry.caseCode, 'case.read_access_log');
  if (!c || c.practiceId !== p.practiceId) throw notFound('audit entry');
  return reportBreach(ctx, p, {
    kind: 'unauthorised_access',
    summary: extra.summary ?? `Access recorded in audit entry ${seq} (${entry.action}) had no legitimate reason.`,
    reportedBy: extra.reportedBy ?? 'Found in the access history',
    occurredAt: entry.at.replace(/\.\d{3}Z$/, 'Z'),
    discoveredAt: extra.discoveredAt ?? ctx.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    categories: extra.categories ?? ['identity', 'progress_notes'],
    clientIds: [c.clientId],
    containment: extra.containment,
    auditSeq: seq,
  });
}
