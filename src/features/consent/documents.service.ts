import { displayZoneFor } from '../../core/datetime.js';
import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { agreementPdf } from './agreement-pdf.js';
import type { Agreement } from './agreements.js';
import { agreementText, requireAgreement } from './agreements.service.js';
import { consentCase } from './case-context.js';
import { readConsents } from './consents.service.js';
import { type Block, parseMarkdown } from './markdown.js';

/** One agreement with its exact text, as the practitioner reviews it (audited). */
export async function viewAgreement(ctx: AppContext, p: Principal, clientId: string, agreementId: string): Promise<Agreement & { text: string; blocks: Block[] }> {
  const c = await requireCase(ctx, p, clientId, 'case.read_clinical');
  const cc = await consentCase(ctx, c);
  const a = await requireAgreement(ctx, ctx.db.kysely, cc, agreementId);
  const text = await agreementText(ctx.db.kysely, a);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'consent.agreement.read', targetType: 'agreement', targetId: a.id, caseCode: c.caseCode });
  return { ...a, text, blocks: parseMarkdown(text) };
}

export async function downloadAgreementPdf(ctx: AppContext, p: Principal, clientId: string, agreementId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const c = await requireCase(ctx, p, clientId, 'case.read_clinical');
  const cc = await consentCase(ctx, c);
  const a = await requireAgreement(ctx, ctx.db.kysely, cc, agreementId);
  const pdf = await agreementPdf(a, await agreementText(ctx.db.kysely, a), await readConsents(ctx, ctx.db.kysely, clientId, c.caseCode, cc.today), displayZoneFor(cc.practice));
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'consent.pdf', targetType: 'agreement', targetId: a.id, caseCode: c.caseCode, details: { via: 'practitioner' } });
  // The file name carries the case code, never the client's name.
  return { pdf, fileName: `agreement-${c.caseCode}-v${a.version}.pdf` };
}
