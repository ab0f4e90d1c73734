/** Rows to the register's domain objects, with the clocks judged against what was recorded. */
import type { AppContext } from '../../context.js';
import { getPractice } from '../practice/practice.service.js';
import type { Audience, Breach, BreachKind, BreachSummary, DataCategory, NotificationRecord } from './breaches.js';
import { unseal } from './breach-access.js';
import { type BreachClock, breachClocks } from './clocks.js';
import * as repo from './breaches.repository.js';

export type WithClocks<T> = T & { clocks: BreachClock[]; overdue: boolean };

/** Which audiences are settled, from the notification records. */
export function settled(notes: Pick<NotificationRecord, 'audience' | 'clientId' | 'decision'>[], affected: string[]): { done: Set<Audience>; decidedNot: Set<Audience> } {
  const done = new Set<Audience>();
  const decidedNot = new Set<Audience>();
  for (const n of notes) {
    if (n.audience === 'individual') continue;
    (n.decision === 'sent' ? done : decidedNot).add(n.audience);
  }
  const indiv = notes.filter((n) => n.audience === 'individual');
  if (indiv.some((n) => n.decision === 'not_notified' && n.clientId === null)) decidedNot.add('individual');
  const covered = new Set(indiv.filter((n) => n.clientId).map((n) => n.clientId));
  if (affected.length > 0 && affected.every((c) => covered.has(c)) && indiv.some((n) => n.decision === 'sent')) done.add('individual');
  return { done, decidedNot };
}

const toNotification = (ctx: AppContext, r: repo.NotificationRow, caseOf: Map<string, string>): NotificationRecord => ({
  id: r.id, audience: r.audience as Audience, clientId: r.client_id, caseCode: r.client_id ? (caseOf.get(r.client_id) ?? null) : null,
  decision: r.decision, sentOn: r.sent_on, channel: r.channel,
  reason: r.reason_enc ? unseal(ctx, r.reason_enc, 'breach_notifications', r.id, 'reason') : null, recordedBy: r.recorded_by, createdAt: r.created_at,
});

export function summaryOf(row: repo.BreachRow): BreachSummary {
  return {
    id: row.id, reference: row.reference, regime: row.regime, kind: row.kind as BreachKind, occurredAt: row.occurred_at, discoveredAt: row.discovered_at,
    affectedCount: row.affected_count, status: row.status, outcome: row.outcome, createdAt: row.created_at, closedAt: row.closed_at,
  };
}

export function withClocks<T extends BreachSummary>(b: T, notes: repo.NotificationRow[], affected: string[], now: Date, timeZone: string): WithClocks<T> {
  const s = settled(notes.map((n) => ({ audience: n.audience as Audience, clientId: n.client_id, decision: n.decision })), affected);
  const clocks = breachClocks({ regime: b.regime, discoveredAt: b.discoveredAt, affectedCount: b.affectedCount, outcome: b.outcome, status: b.status, ...s }, now, timeZone);
  return { ...b, clocks, overdue: b.status === 'open' && clocks.some((c) => c.state === 'overdue') };
}

export async function toBreach(ctx: AppContext, row: repo.BreachRow): Promise<WithClocks<Breach>> {
  const db = ctx.db.kysely;
  const [affected, containment, notes, practice] = await Promise.all([repo.affectedOf(db, row.id), repo.containmentOf(db, row.id), repo.notificationsOf(db, [row.id]), getPractice(ctx)]);
  const caseOf = new Map(affected.map((a) => [a.clientId, a.caseCode]));
  const b: Breach = {
    ...summaryOf(row),
    summary: unseal(ctx, row.summary_enc, 'breaches', row.id, 'summary'),
    reportedBy: unseal(ctx, row.reporter_enc, 'breaches', row.id, 'reporter'),
    categories: row.categories.split(',').filter(Boolean) as DataCategory[],
    scope: row.scope,
    auditSeq: row.audit_seq === null ? null : Number(row.audit_seq),
    affected,
    containment: containment.map((c) => ({ id: c.id, at: c.at, text: unseal(ctx, c.step_enc, 'breach_containment', c.id, 'step'), recordedBy: c.recorded_by })),
    assessment: row.outcome && row.reasoning_enc
      ? {
          likelihood: row.likelihood ?? '', severity: row.severity ?? '', outcome: row.outcome, factors: row.factors ? (JSON.parse(row.factors) as Record<string, string>) : null,
          reasoning: unseal(ctx, row.reasoning_enc, 'breaches', row.id, 'reasoning'), assessedAt: row.assessed_at ?? '', assessedBy: row.assessed_by ?? '',
        }
      : null,
    notifications: notes.map((n) => toNotification(ctx, n, caseOf)),
  };
  return withClocks(b, notes, affected.map((a) => a.clientId), ctx.clock.now(), practice?.timeZone ?? 'Europe/London');
}
