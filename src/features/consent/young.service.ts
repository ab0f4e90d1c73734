import type { Principal } from '../../core/access.js';
import { conflict, invalidInput, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { type Executor, writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { clientKey } from '../vault/vault.service.js';
import { type ConsentCase, consentCase, refs } from './case-context.js';
import {
  type CompetenceFramework, type ParentInput, COMPETENCE_FRAMEWORKS, FRAMEWORK_LABELS, checkParent, checkReasons, competenceExpected, frameworksFor,
  parentalResponsibilityExpected,
} from './young.js';
import * as repo from './young.repository.js';

export interface CompetenceAssessment {
  id: string;
  framework: CompetenceFramework;
  label: string;
  source: string;
  competent: boolean;
  age: number;
  reasons: string;
  assessedBy: string;
  assessedAt: string;
}

export interface ParentRecord extends ParentInput {
  id: string;
  recordedAt: string;
  endedAt: string | null;
}

export interface YoungPersonStatus {
  applies: boolean;
  age: number | null;
  dob: string | null;
  frameworks: { id: CompetenceFramework; label: string; source: string }[];
  competenceExpected: boolean;
  parentalResponsibilityExpected: boolean;
  competence: CompetenceAssessment[];
  parents: ParentRecord[];
}

export async function youngPersonStatus(ctx: AppContext, db: Executor, cc: ConsentCase): Promise<YoungPersonStatus> {
  const { c, age } = cc;
  const j = cc.practice.jurisdiction;
  const compRows = await repo.competenceForCase(db, c.caseCode);
  const parentRows = await repo.parentsForCase(db, c.caseCode);
  const clin = compRows.length ? await clientKey(ctx, db, c.clientId, 'clinical') : null;
  const idKey = parentRows.length ? await clientKey(ctx, db, c.clientId, 'identity') : null;
  return {
    applies: age !== null && age < 18,
    age,
    dob: cc.dob,
    frameworks: age === null ? [] : frameworksFor(j, age).map((id) => ({ id, ...FRAMEWORK_LABELS[id] })),
    competenceExpected: age !== null && competenceExpected(j, age),
    parentalResponsibilityExpected: age !== null && parentalResponsibilityExpected(j, age),
    competence: compRows.map((r) => ({
      id: r.id, framework: r.framework as CompetenceFramework, ...FRAMEWORK_LABELS[r.framework as CompetenceFramework], competent: r.competent === 1, age: Number(r.age),
      reasons: ctx.vault.decrypt(clin as Buffer, r.reasons_enc, refs.competence(c.clientId, r.id)), assessedBy: r.assessed_by, assessedAt: r.assessed_at,
    })),
    parents: parentRows.map((r) => ({
      id: r.id, recordedAt: r.recorded_at, endedAt: r.ended_at,
      ...(JSON.parse(ctx.vault.decrypt(idKey as Buffer, r.person_enc, refs.parent(c.clientId, r.id))) as ParentInput),
    })),
  };
}

export interface CompetenceInput {
  framework: CompetenceFramework;
  competent: boolean;
  reasons: string;
}

/** The practitioner's judgement of a young person's competence to consent for themselves, with reasons. */
export async function recordCompetence(ctx: AppContext, p: Principal, clientId: string, input: CompetenceInput): Promise<CompetenceAssessment> {
  const c = await requireCase(ctx, p, clientId, 'case.write_clinical');
  const cc = await consentCase(ctx, c);
  if (cc.age === null) throw invalidInput('dob', "Record the client's date of birth first: it decides which rules apply.");
  if (cc.age >= 18) throw conflict('The client is an adult: record capacity instead of competence.');
  if (!COMPETENCE_FRAMEWORKS.includes(input.framework)) throw invalidInput('framework', `expected one of ${COMPETENCE_FRAMEWORKS.join(', ')}`);
  const allowed = frameworksFor(cc.practice.jurisdiction, cc.age);
  if (!allowed.includes(input.framework)) throw invalidInput('framework', `For a ${cc.age}-year-old in ${cc.practice.jurisdiction} use one of: ${allowed.join(', ')}`);
  if (typeof input.competent !== 'boolean') throw invalidInput('competent', 'Say whether the young person is competent to decide.');
  const reasons = checkReasons(input.reasons);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, clientId, 'clinical');
    await repo.insertCompetence(trx, {
      id, case_code: c.caseCode, framework: input.framework, competent: input.competent ? 1 : 0, age: cc.age as number,
      reasons_enc: ctx.vault.encrypt(key, reasons, refs.competence(clientId, id)), assessed_by: p.userId, assessed_at: at,
    });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.competence', targetType: 'competence', targetId: id, caseCode: c.caseCode, details: { framework: input.framework, competent: input.competent, age: cc.age as number } });
  });
  return { id, framework: input.framework, ...FRAMEWORK_LABELS[input.framework], competent: input.competent, age: cc.age, reasons, assessedBy: p.userId, assessedAt: at };
}

export async function addParent(ctx: AppContext, p: Principal, clientId: string, input: Partial<ParentInput>): Promise<ParentRecord> {
  const person = checkParent(input);
  const c = await requireCase(ctx, p, clientId, 'case.write_identity');
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await writeTx(ctx.db, async (trx) => {
    const key = await clientKey(ctx, trx, clientId, 'identity');
    await repo.insertParent(trx, { id, case_code: c.caseCode, person_enc: ctx.vault.encrypt(key, JSON.stringify(person), refs.parent(clientId, id)), recorded_by: p.userId, recorded_at: at, ended_at: null });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.parent.add', targetType: 'parent', targetId: id, caseCode: c.caseCode });
  });
  return { id, ...person, recordedAt: at, endedAt: null };
}

export async function endParent(ctx: AppContext, p: Principal, clientId: string, parentId: string): Promise<void> {
  const c = await requireCase(ctx, p, clientId, 'case.write_identity');
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.endParent(trx, parentId, c.caseCode, ctx.clock.now().toISOString()))) throw notFound('parental responsibility record');
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'consent.parent.end', targetType: 'parent', targetId: parentId, caseCode: c.caseCode });
  });
}

