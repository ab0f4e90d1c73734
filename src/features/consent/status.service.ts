import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import type { Agreement } from './agreements.js';
import { agreementsForCase, linksForCase } from './agreements.repository.js';
import { agreementText, toAgreement } from './agreements.service.js';
import { type CapacityAssessment, capacityHistory } from './capacity.service.js';
import { consentCase } from './case-context.js';
import { CHANNELS, type Channel, channelRisk } from './channels.js';
import type { ConsentRecord } from './consents.js';
import { readConsents } from './consents.service.js';
import { allowedChannels } from './lookup.js';
import { type ContractWarning, warningsFor } from './warnings.js';
import { type YoungPersonStatus, youngPersonStatus } from './young.service.js';

export interface ConsentStatus {
  jurisdiction: string;
  audience: 'adult' | 'young';
  agreement: (Agreement & { text: string }) | null;
  agreements: Omit<Agreement, 'fields' | 'signature'>[];
  links: { id: string; agreementId: string; createdAt: string; expiresAt: string; usedAt: string | null }[];
  consents: ConsentRecord[];
  allowedChannels: Channel[];
  /** The risk statement for each channel, in the words this client's agreement uses. */
  channelRisks: Record<Channel, string>;
  capacity: CapacityAssessment[];
  youngPerson: YoungPersonStatus;
  warnings: ContractWarning[];
}

/** Everything about a client's contracting on one screen; opening it is audited once. */
export async function consentStatus(ctx: AppContext, p: Principal, clientId: string): Promise<ConsentStatus> {
  const c = await requireCase(ctx, p, clientId, 'case.read_clinical');
  const cc = await consentCase(ctx, c);
  const db = ctx.db.kysely;
  const rows = await agreementsForCase(db, c.caseCode);
  const agreements = await Promise.all(rows.map((r) => toAgreement(ctx, db, clientId, r)));
  const current = agreements.filter((a) => a.status === 'signed').at(-1) ?? agreements.filter((a) => a.status === 'awaiting_signature').at(-1) ?? null;
  const consents = await readConsents(ctx, db, clientId, c.caseCode, cc.today);
  const status: ConsentStatus = {
    jurisdiction: cc.practice.jurisdiction,
    audience: cc.audience,
    agreement: current ? { ...current, text: await agreementText(db, current) } : null,
    agreements: agreements.map(({ fields: _f, signature: _s, ...rest }) => rest),
    links: (await linksForCase(db, c.caseCode)).map((l) => ({ id: l.id, agreementId: l.agreement_id, createdAt: l.created_at, expiresAt: l.expires_at, usedAt: l.used_at })),
    consents,
    allowedChannels: await allowedChannels(ctx, clientId),
    channelRisks: Object.fromEntries(CHANNELS.map((ch) => [ch, channelRisk(ch, cc.audience)])) as Record<Channel, string>,
    capacity: await capacityHistory(ctx, db, clientId, c.caseCode),
    youngPerson: await youngPersonStatus(ctx, db, cc),
    warnings: await warningsFor(ctx, db, cc, consents),
  };
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'consent.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode, details: { agreements: agreements.length, consents: consents.length } });
  return status;
}
