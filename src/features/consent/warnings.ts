import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { Executor } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { sessionsForCase } from '../sessions/sessions.repository.js';
import { tookPlace } from '../sessions/sessions.js';
import { CHANNEL_LABELS } from './channels.js';
import { agreementsForCase, linksForCase } from './agreements.repository.js';
import { type ConsentCase, consentCase } from './case-context.js';
import type { ConsentRecord } from './consents.js';
import { readConsents } from './consents.service.js';
import { versionById, versionsOf } from './templates.repository.js';
import { competenceForCase, parentsForCase } from './young.repository.js';
import { competenceExpected, parentalResponsibilityExpected } from './young.js';

export type WarningCode =
  | 'no_signed_agreement' | 'awaiting_signature' | 'outdated_version' | 'audience_changed' | 'consent_expiring' | 'consent_expired'
  | 'consent_withdrawn' | 'consent_without_capacity' | 'agreement_without_capacity' | 'records_consent_missing' | 'competence_not_assessed'
  | 'parental_responsibility_missing' | 'dob_unknown';

export interface ContractWarning {
  code: WarningCode;
  /** warn: act before going further; info: worth knowing. */
  severity: 'warn' | 'info';
  message: string;
  consentId?: string;
  action?: 'sign' | 'reconsent' | 'competence' | 'parent' | 'capacity';
}

const EXPIRY_NOTICE_DAYS = 30;
const addDays = (day: string, n: number) => new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

function describe(c: ConsentRecord): string {
  if (c.kind === 'channel' && c.channel) return `contact by ${CHANNEL_LABELS[c.channel].toLowerCase()}`;
  if (c.kind === 'disclosure') return `sharing with ${c.recipient ?? 'a named recipient'}`;
  return c.kind === 'records' ? 'keeping records' : 'discussing the work in supervision';
}

/** Every contracting problem on a case, most pressing first. Pure reads: the caller audits. */
export async function warningsFor(ctx: AppContext, db: Executor, cc: ConsentCase, consents?: ConsentRecord[]): Promise<ContractWarning[]> {
  const { c, today } = cc;
  const out: ContractWarning[] = [];
  const agreements = await agreementsForCase(db, c.caseCode);
  const signed = agreements.filter((a) => a.status === 'signed').at(-1);
  // Only sessions that took place: a planned one (or one wrongly marked attended ahead) has not.
  const sessions = (await sessionsForCase(db, c.caseCode)).filter((x) => tookPlace(x, today));
  if (!signed) {
    if (sessions.length >= 1) {
      out.push({ code: 'no_signed_agreement', severity: 'warn', action: 'sign', message: `There is no signed confidentiality agreement, and ${sessions.length === 1 ? 'one session has' : `${sessions.length} sessions have`} already taken place. Agree it before the next session: the client needs to know the limits of confidentiality before they need them.` });
    } else {
      out.push({ code: 'no_signed_agreement', severity: 'info', action: 'sign', message: 'No confidentiality agreement has been signed yet. Go through it at the first session.' });
    }
    const now = ctx.clock.now().toISOString();
    const waiting = agreements.filter((a) => a.status === 'awaiting_signature').at(-1);
    if (waiting && (await linksForCase(db, c.caseCode)).some((l) => l.agreement_id === waiting.id && !l.used_at && l.expires_at > now)) {
      out.push({ code: 'awaiting_signature', severity: 'info', message: 'A signing link has been sent and has not been used yet.' });
    }
  } else {
    const v = await versionById(db, signed.version_id);
    if (v) {
      const newest = (await versionsOf(db, cc.practice.id, v.templateKey)).filter((x) => x.status === 'published').at(-1);
      if (newest && newest.version > v.version) {
        out.push({ code: 'outdated_version', severity: 'warn', action: 'reconsent', message: `The agreement was signed on version ${v.version}; version ${newest.version} has since been published. Offer the client the new version to read and sign.` });
      }
      if (v.audience !== cc.audience) {
        out.push({ code: 'audience_changed', severity: 'warn', action: 'reconsent', message: cc.audience === 'adult' ? "The client signed the young person's agreement and is now an adult. Agree the adult version with them." : "The client is under 18 but signed the adult agreement. Go through the young person's version with them." });
      }
    }
    if (signed.without_capacity === 1) out.push({ code: 'agreement_without_capacity', severity: 'warn', action: 'capacity', message: 'The agreement was signed when the client was judged unable to give informed consent. Revisit it when they can.' });
  }
  const list = consents ?? (await readConsents(ctx, db, c.clientId, c.caseCode, today));
  const current = list.filter((x) => x.state !== 'superseded');
  const records = current.find((x) => x.kind === 'records');
  if (signed && records && records.state !== 'active') out.push({ code: 'records_consent_missing', severity: 'warn', consentId: records.id, message: 'The client has not agreed (or no longer agrees) to records being kept. Talk with them about what that means for the work.' });
  for (const x of current) {
    if (x.state === 'active' && x.withoutCapacity) out.push({ code: 'consent_without_capacity', severity: 'warn', consentId: x.id, action: 'capacity', message: `Consent to ${describe(x)} was given when the client was judged unable to consent. It is not relied on until it is given again with capacity.` });
    if (x.state === 'active' && x.expiresOn && x.expiresOn <= addDays(today, EXPIRY_NOTICE_DAYS)) out.push({ code: 'consent_expiring', severity: 'info', consentId: x.id, message: `Consent to ${describe(x)} ends on ${x.expiresOn}.` });
    if (x.state === 'expired') out.push({ code: 'consent_expired', severity: 'info', consentId: x.id, message: `Consent to ${describe(x)} ended on ${x.expiresOn}.` });
    if (x.state === 'withdrawn' && x.kind !== 'records') out.push({ code: 'consent_withdrawn', severity: 'info', consentId: x.id, message: `The client withdrew consent to ${describe(x)} on ${(x.withdrawnAt ?? '').slice(0, 10)}.` });
  }
  if (cc.age === null) out.push({ code: 'dob_unknown', severity: 'info', message: "The client's date of birth is not recorded, so the rules for children and young people cannot be checked." });
  else {
    const j = cc.practice.jurisdiction;
    if (competenceExpected(j, cc.age) && (await competenceForCase(db, c.caseCode)).length === 0) {
      out.push({ code: 'competence_not_assessed', severity: 'warn', action: 'competence', message: `The client is ${cc.age}. Record your assessment of whether they are competent to consent for themselves, with your reasons.` });
    }
    if (parentalResponsibilityExpected(j, cc.age) && !(await parentsForCase(db, c.caseCode)).some((pr) => !pr.ended_at)) {
      out.push({ code: 'parental_responsibility_missing', severity: 'warn', action: 'parent', message: `The client is ${cc.age}. Record who holds parental responsibility.` });
    }
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warn' ? -1 : 1));
}

/**
 * The warnings for one client, for the client record and the add-session form. Other features
 * call this before recording a session: a warning with code "no_signed_agreement" and severity
 * "warn" means a second session is about to happen without a signed agreement.
 */
export async function contractWarnings(ctx: AppContext, principal: Principal, clientId: string): Promise<ContractWarning[]> {
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  const cc = await consentCase(ctx, c);
  const list = await warningsFor(ctx, ctx.db.kysely, cc);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'consent.warnings', targetType: 'client', targetId: clientId, caseCode: c.caseCode, details: { count: list.length } });
  return list;
}
