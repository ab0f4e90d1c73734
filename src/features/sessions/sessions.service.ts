import type { Principal } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { civilDateIn } from '../deadlines/civil-date.js';
import { getPractice } from '../practice/practice.service.js';
import { type Attendance, type NewSession, type TherapySession, checkAttendance, checkSession } from './sessions.js';
import * as repo from './sessions.repository.js';

/** Today in the practice's time zone: whether a session's day has come is the practice's call. */
export async function practiceDay(ctx: AppContext): Promise<string> {
  const p = await getPractice(ctx);
  return civilDateIn(ctx.clock.now(), p?.timeZone ?? 'UTC');
}

export async function addSession(ctx: AppContext, principal: Principal, clientId: string, input: NewSession): Promise<TherapySession> {
  const s = checkSession(input, await practiceDay(ctx));
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const session: TherapySession = { id: newId(), caseCode: c.caseCode, createdAt: ctx.clock.now().toISOString(), ...s };
  await writeTx(ctx.db, async (trx) => {
    await repo.insertSession(trx, { ...session, createdBy: principal.userId });
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'session.create', targetType: 'session', targetId: session.id, caseCode: c.caseCode, details: { attendance: session.attendance } });
  });
  return session;
}

/** Record what happened to a planned session (or correct it), once its day has come. */
export async function setAttendance(ctx: AppContext, principal: Principal, clientId: string, sessionId: string, attendance: Attendance): Promise<TherapySession> {
  const c = await requireCase(ctx, principal, clientId, 'case.write_clinical');
  const existing = (await repo.sessionsForCase(ctx.db.kysely, c.caseCode)).find((x) => x.id === sessionId);
  if (!existing) throw notFound('session');
  const next = checkAttendance(attendance, existing.date, await practiceDay(ctx));
  await writeTx(ctx.db, async (trx) => {
    await repo.updateAttendance(trx, c.caseCode, sessionId, next);
    await appendAudit(trx, ctx.clock, actorOf(principal), { action: 'session.attendance', targetType: 'session', targetId: sessionId, caseCode: c.caseCode, details: { from: existing.attendance, to: next } });
  });
  return { ...existing, attendance: next };
}

export async function listSessions(ctx: AppContext, principal: Principal, clientId: string): Promise<TherapySession[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  return repo.sessionsForCase(ctx.db.kysely, c.caseCode);
}
