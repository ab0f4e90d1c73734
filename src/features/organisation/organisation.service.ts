/**
 * Teams, cover, supervision and emergency access. Every change is audited with ids only; reasons
 * are sealed with the system key. A relationship reaches cases only while it is in force, and the
 * policy (src/core/access.ts) is the only place that turns it into access.
 */
import { type Principal, type Role, can } from '../../core/access.js';
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit, recordAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { displayNames, listUsers, userById } from '../auth/auth.repository.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { reauthenticate } from '../auth/reauth.js';
import { sealRef } from '../breaches/breach-access.js';
import { caseByCode, caseForClient } from '../clients/clients.repository.js';
import { flagForReview } from '../staff/access-review.service.js';
import {
  BREAK_GLASS_CATEGORIES, BREAK_GLASS_WORDS, type BreakGlassCategory, checkHours, checkPeriod, checkReason, inForce,
} from './organisation.js';
import type { RelationshipKind } from './organisation.tables.js';
import * as repo from './relations.repository.js';
import { practiceToday } from './relations.js';

const actor = (p: Principal) => ({ id: p.userId, roles: p.roles });

async function refuse(ctx: AppContext, p: Principal, action: string, message: string): Promise<never> {
  await recordAudit(ctx.db, ctx.clock, actor(p), { action, outcome: 'denied', details: { reason: 'not_permitted' } });
  throw forbidden(message);
}

// ---------------------------------------------------------------------------------------------
// Teams

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

export async function listTeams(ctx: AppContext, p: Principal): Promise<Team[]> {
  const teams = await ctx.db.kysely.selectFrom('teams').select(['id', 'name']).where('practice_id', '=', p.practiceId).where('archived_at', 'is', null).orderBy('name').execute();
  const members = teams.length === 0 ? [] : await ctx.db.kysely.selectFrom('team_members').select(['team_id', 'user_id']).where('team_id', 'in', teams.map((t) => t.id)).execute();
  return teams.map((t) => ({ id: t.id, name: t.name, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id) }));
}

export async function createTeam(ctx: AppContext, p: Principal, input: { name: string }): Promise<Team> {
  if (!can(p, 'team.manage')) await refuse(ctx, p, 'team.create', 'Only an admin sets up teams.');
  const name = typeof input.name === 'string' ? input.name.trim().replace(/\s+/g, ' ') : '';
  if (!name) throw invalidInput('name', 'Give the team a name.');
  if (name.length > 120) throw invalidInput('name', 'The team’s name is too long (at most 120 characters).');
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    const clash = await trx.selectFrom('teams').select('id').where('practice_id', '=', p.practiceId).where('name', '=', name).executeTakeFirst();
    if (clash) throw conflict('There is already a team with that name.');
    await trx.insertInto('teams').values({ id, practice_id: p.practiceId, name, created_at: ctx.clock.now().toISOString(), archived_at: null }).execute();
    await appendAudit(trx, ctx.clock, actor(p), { action: 'team.create', targetType: 'team', targetId: id });
  });
  return { id, name, memberIds: [] };
}

/** Who is in a team: the list replaces the old one. */
export async function setTeamMembers(ctx: AppContext, p: Principal, teamId: string, userIds: readonly string[]): Promise<Team> {
  if (!can(p, 'team.manage')) await refuse(ctx, p, 'team.members', 'Only an admin changes who is in a team.');
  const team = await ctx.db.kysely.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).where('practice_id', '=', p.practiceId).executeTakeFirst();
  if (!team) throw notFound('team');
  const staff = new Map((await listUsers(ctx.db.kysely, p.practiceId)).map((u) => [u.id, u]));
  const wanted = [...new Set(userIds)];
  const unknown = wanted.find((id) => !staff.has(id));
  if (unknown) throw invalidInput('userIds', 'One of those people is not on the practice’s staff.');
  await writeTx(ctx.db, async (trx) => {
    await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    const at = ctx.clock.now().toISOString();
    if (wanted.length) await trx.insertInto('team_members').values(wanted.map((user_id) => ({ team_id: teamId, user_id, added_at: at }))).execute();
    await appendAudit(trx, ctx.clock, actor(p), { action: 'team.members', targetType: 'team', targetId: teamId, details: { userIds: wanted } });
  });
  return { id: team.id, name: team.name, memberIds: wanted };
}

/** Put a client's case in a team (an admin, or reception when taking a referral). */
export async function assignTeam(ctx: AppContext, p: Principal, clientId: string, teamId: string | null): Promise<void> {
  if (!can(p, 'case.reassign') && !can(p, 'referral.create')) await refuse(ctx, p, 'case.team', 'Only an admin or reception puts a client in a team.');
  const c = await caseForClient(ctx.db.kysely, clientId);
  if (!c || c.practiceId !== p.practiceId || c.erasedAt) throw notFound('client');
  if (teamId !== null) {
    const team = await ctx.db.kysely.selectFrom('teams').select('id').where('id', '=', teamId).where('practice_id', '=', p.practiceId).where('archived_at', 'is', null).executeTakeFirst();
    if (!team) throw invalidInput('teamId', 'There is no such team.');
  }
  await writeTx(ctx.db, async (trx) => {
    await trx.updateTable('cases').set({ team_id: teamId }).where('case_code', '=', c.caseCode).execute();
    await appendAudit(trx, ctx.clock, actor(p), { action: 'case.team', targetType: 'client', targetId: clientId, caseCode: c.caseCode, details: { teamId } });
  });
}

// ---------------------------------------------------------------------------------------------
// Cover and supervision

export interface Relationship {
  id: string;
  kind: RelationshipKind;
  holderId: string;
  holderName: string | null;
  subjectId: string;
  subjectName: string | null;
  startsOn: string;
  endsOn: string | null;
  reason: string;
  inForce: boolean;
  endedAt: string | null;
}

const HOLDER_ROLE: Record<RelationshipKind, Role> = { cover: 'practitioner', supervision: 'supervisor' };
const ACTION: Record<RelationshipKind, 'cover.manage' | 'supervision.manage'> = { cover: 'cover.manage', supervision: 'supervision.manage' };
const WORDS: Record<RelationshipKind, { holder: string; subject: string; who: string }> = {
  cover: { holder: 'The covering colleague must be an active practitioner here.', subject: 'The colleague being covered must be an active practitioner here.', who: 'Only an admin or a clinical lead arranges cover.' },
  supervision: { holder: 'The supervisor must be an active member of staff with the supervisor role.', subject: 'The supervisee must be an active practitioner here.', who: 'Only an admin or a clinical lead records supervision.' },
};

function toRelationship(ctx: AppContext, r: repo.RelationshipRow, names: Map<string, string>, today: string): Relationship {
  return {
    id: r.id, kind: r.kind, holderId: r.holder_id, holderName: names.get(r.holder_id) ?? null, subjectId: r.subject_id, subjectName: names.get(r.subject_id) ?? null,
    startsOn: r.starts_on, endsOn: r.ends_on, reason: ctx.vault.decryptSystem(r.reason_enc, sealRef('care_relationships', r.id, 'reason')), inForce: inForce(r, today), endedAt: r.ended_at,
  };
}

export async function addRelationship(ctx: AppContext, p: Principal, kind: RelationshipKind, input: { holderId: string; subjectId: string; startsOn?: string | null; endsOn?: string | null; reason: string }): Promise<Relationship> {
  if (!can(p, ACTION[kind])) await refuse(ctx, p, `${kind}.add`, WORDS[kind].who);
  const today = await practiceToday(ctx);
  const period = checkPeriod(kind, input.startsOn, input.endsOn, today);
  const reason = checkReason(input.reason);
  if (input.holderId === input.subjectId) throw invalidInput('holderId', kind === 'cover' ? 'Someone cannot cover for themselves.' : 'Someone cannot supervise themselves.');
  const [holder, subject] = await Promise.all([userById(ctx.db.kysely, input.holderId), userById(ctx.db.kysely, input.subjectId)]);
  const usable = (u: typeof holder, role: Role) => u && u.practiceId === p.practiceId && !u.disabledAt && u.roles.includes(role);
  if (!usable(holder, HOLDER_ROLE[kind])) throw invalidInput('holderId', WORDS[kind].holder);
  if (!usable(subject, 'practitioner')) throw invalidInput('subjectId', WORDS[kind].subject);
  const id = newId();
  await writeTx(ctx.db, async (trx) => {
    await repo.insertRelationship(trx, {
      id, practice_id: p.practiceId, kind, holder_id: input.holderId, subject_id: input.subjectId, starts_on: period.startsOn, ends_on: period.endsOn,
      reason_enc: ctx.vault.encryptSystem(reason, sealRef('care_relationships', id, 'reason')), created_by: p.userId, created_at: ctx.clock.now().toISOString(), ended_at: null, ended_by: null,
    });
    await appendAudit(trx, ctx.clock, actor(p), { action: `${kind}.add`, targetType: 'user', targetId: input.subjectId, details: { relationshipId: id, holderId: input.holderId, startsOn: period.startsOn, endsOn: period.endsOn } });
  });
  const row = (await repo.relationshipById(ctx.db.kysely, p.practiceId, id)) as repo.RelationshipRow;
  return toRelationship(ctx, row, await displayNames(ctx.db.kysely), today);
}

export async function endRelationship(ctx: AppContext, p: Principal, kind: RelationshipKind, id: string): Promise<Relationship> {
  if (!can(p, ACTION[kind])) await refuse(ctx, p, `${kind}.end`, WORDS[kind].who);
  const row = await repo.relationshipById(ctx.db.kysely, p.practiceId, id);
  if (!row || row.kind !== kind) throw notFound(kind === 'cover' ? 'cover arrangement' : 'supervision');
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.endRelationship(trx, id, p.userId, ctx.clock.now().toISOString()))) throw conflict('This has already ended.');
    await appendAudit(trx, ctx.clock, actor(p), { action: `${kind}.end`, targetType: 'user', targetId: row.subject_id, details: { relationshipId: id } });
  });
  const after = (await repo.relationshipById(ctx.db.kysely, p.practiceId, id)) as repo.RelationshipRow;
  return toRelationship(ctx, after, await displayNames(ctx.db.kysely), await practiceToday(ctx));
}

/**
 * Cover or supervision arrangements: everything for those who arrange them; for anyone else,
 * the ones they hold or are the subject of. Ended ones older than a month drop off the list.
 */
export async function listRelationships(ctx: AppContext, p: Principal, kind: RelationshipKind): Promise<Relationship[]> {
  const today = await practiceToday(ctx);
  const since = new Date(ctx.clock.now().getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
  const all = can(p, ACTION[kind]);
  const rows = all
    ? await repo.listRelationships(ctx.db.kysely, p.practiceId, kind, { since })
    : [...await repo.listRelationships(ctx.db.kysely, p.practiceId, kind, { holderId: p.userId, since }), ...await repo.listRelationships(ctx.db.kysely, p.practiceId, kind, { subjectId: p.userId, since })];
  const names = await displayNames(ctx.db.kysely);
  return rows.map((r) => toRelationship(ctx, r, names, today));
}

// ---------------------------------------------------------------------------------------------
// Emergency access

export interface BreakGlass {
  id: string;
  userId: string;
  userName: string | null;
  clientId: string;
  caseCode: string;
  category: BreakGlassCategory;
  categoryWords: string;
  reason: string;
  startedAt: string;
  expiresAt: string;
  endedAt: string | null;
  active: boolean;
}

function toBreakGlass(ctx: AppContext, r: repo.BreakGlassRow, names: Map<string, string>): BreakGlass {
  const now = ctx.clock.now().toISOString();
  return {
    id: r.id, userId: r.user_id, userName: names.get(r.user_id) ?? null, clientId: r.client_id, caseCode: r.case_code,
    category: r.category as BreakGlassCategory, categoryWords: BREAK_GLASS_WORDS[r.category as BreakGlassCategory] ?? r.category,
    reason: ctx.vault.decryptSystem(r.reason_enc, sealRef('break_glass', r.id, 'reason')), startedAt: r.started_at, expiresAt: r.expires_at,
    endedAt: r.ended_at, active: r.ended_at === null && r.expires_at > now,
  };
}

export interface BreakGlassInput {
  caseCode: string;
  category: string;
  reason: string;
  hours?: number;
  password: string;
  code: string;
}

/**
 * A clinical lead opens a client's record outside their relationships: after proving it is them
 * (password and a current code), with a category and a reason, for a few hours. The access ends
 * by itself; every read while it lasts is audited with its id; it goes into the review queue at
 * once. Found by case code: a code that is not this practice's reads as one that does not exist.
 */
export async function startBreakGlass(ctx: AppContext, session: AuthenticatedSession, input: BreakGlassInput): Promise<BreakGlass> {
  const p = session.principal;
  if (!can(p, 'case.break_glass')) await refuse(ctx, p, 'break_glass.start', 'Only a clinical lead can use emergency access.');
  if (!BREAK_GLASS_CATEGORIES.includes(input.category as BreakGlassCategory)) throw invalidInput('category', 'Choose why emergency access is needed.');
  const reason = checkReason(input.reason);
  const hours = checkHours(input.hours);
  const c = typeof input.caseCode === 'string' ? await caseByCode(ctx.db.kysely, input.caseCode.trim().toUpperCase()) : undefined;
  if (!c || c.practiceId !== p.practiceId || c.erasedAt) throw notFound('client');
  const proof = await reauthenticate(ctx, session, input, 'break_glass.start');
  const id = newId();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  await writeTx(ctx.db, async (trx) => {
    await proof.claim(trx);
    const seq = await appendAudit(trx, ctx.clock, actor(p), {
      action: 'break_glass.start', targetType: 'client', targetId: c.clientId, caseCode: c.caseCode, purpose: 'break_glass',
      details: { breakGlassId: id, category: input.category, hours },
    });
    await repo.insertBreakGlass(trx, {
      id, practice_id: p.practiceId, user_id: p.userId, client_id: c.clientId, case_code: c.caseCode, category: input.category,
      reason_enc: ctx.vault.encryptSystem(reason, sealRef('break_glass', id, 'reason')), started_at: now.toISOString(), expires_at: expiresAt, ended_at: null, audit_seq: seq,
    });
    await flagForReview(ctx, trx, p, { kind: 'break_glass', auditSeq: seq, clientId: c.clientId, caseCode: c.caseCode, breakGlassId: id });
  });
  return toBreakGlass(ctx, (await repo.breakGlassById(ctx.db.kysely, p.practiceId, id)) as repo.BreakGlassRow, await displayNames(ctx.db.kysely));
}

/** The clinical lead ends their own emergency access before it runs out. */
export async function endBreakGlass(ctx: AppContext, p: Principal, id: string): Promise<BreakGlass> {
  const row = await repo.breakGlassById(ctx.db.kysely, p.practiceId, id);
  if (!row || row.user_id !== p.userId) throw notFound('emergency access');
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.endBreakGlass(trx, id, p.userId, ctx.clock.now().toISOString()))) throw conflict('This emergency access has already ended.');
    await appendAudit(trx, ctx.clock, actor(p), { action: 'break_glass.end', targetType: 'client', targetId: row.client_id, caseCode: row.case_code, purpose: 'break_glass', details: { breakGlassId: id } });
  });
  return toBreakGlass(ctx, (await repo.breakGlassById(ctx.db.kysely, p.practiceId, id)) as repo.BreakGlassRow, await displayNames(ctx.db.kysely));
}

/** A clinical lead sees their own emergency accesses; reviewers (clinical leads, the data-protection officer) see all. */
export async function listBreakGlass(ctx: AppContext, p: Principal): Promise<BreakGlass[]> {
  if (!can(p, 'case.break_glass') && !can(p, 'review.work')) await refuse(ctx, p, 'break_glass.list', 'Only clinical leads and the data-protection officer see emergency accesses.');
  const rows = await repo.listBreakGlass(ctx.db.kysely, p.practiceId, can(p, 'review.work') ? {} : { userId: p.userId });
  const names = await displayNames(ctx.db.kysely);
  return rows.map((r) => toBreakGlass(ctx, r, names));
}
