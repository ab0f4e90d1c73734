import { displayZoneFor } from '../../core/datetime.js';
import { AppError } from '../../core/errors.js';
import { type Actor, appendAudit, recordAudit } from '../../audit/audit.service.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { hitRateLimit } from '../auth/auth.repository.js';
import { caseByCode } from '../clients/clients.repository.js';
import { agreementPdf } from './agreement-pdf.js';
import type { Agreement } from './agreements.js';
import * as repo from './agreements.repository.js';
import { type SignInput, agreementText, completeSigning, requireAgreement } from './agreements.service.js';
import { type ConsentCase, consentCase } from './case-context.js';
import { CHANNEL_LABELS, type Channel, channelRisk } from './channels.js';
import { readConsents } from './consents.service.js';
import { type Block, parseMarkdown } from './markdown.js';
import { limitsSection } from './templates.js';
import { versionById } from './templates.repository.js';

/**
 * Signing without an account. The token is the only credential, so: it is 256 random bits, only
 * its hash is stored, it works once and for seven days, every attempt is rate-limited by source,
 * and every use or refusal is audited. The page shows the practice's name, never the client's.
 */
export const SIGN_RATE_LIMIT = 30;
const RATE_WINDOW_MS = 10 * 60_000;
/** After signing, the client may download their copy through the same link for this long. */
export const PDF_WINDOW_MS = 60 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{40,64}$/;

type Refusal = 'unknown' | 'used' | 'expired' | 'replaced' | 'rate_limited' | 'erased';

const MESSAGES: Record<Exclude<Refusal, 'rate_limited'>, string> = {
  unknown: 'This signing link is not valid. Check that the whole link was copied, or ask your practitioner for a new one.',
  used: 'This signing link has already been used. If you need a copy of your agreement, ask your practitioner.',
  expired: 'This signing link has expired. Ask your practitioner to send you a new one.',
  replaced: 'This agreement has been replaced by a newer one. Ask your practitioner for the new link.',
  erased: 'This signing link is no longer valid.',
};

interface Resolved {
  link: repo.LinkRow;
  cc: ConsentCase;
  agreement: Agreement;
  actor: Actor;
}

async function refuse(ctx: AppContext, reason: Refusal, link?: repo.LinkRow): Promise<never> {
  await recordAudit(ctx.db, ctx.clock, { id: link ? `link:${link.id}` : 'anonymous' }, {
    action: 'consent.link.refused', targetType: 'signing_link', targetId: link?.id, caseCode: link?.case_code, outcome: 'denied', details: { reason },
  });
  if (reason === 'rate_limited') throw new AppError('rate_limited', 'Too many attempts from here. Wait a few minutes and try again.');
  throw reason === 'unknown' ? new AppError('not_found', MESSAGES.unknown, undefined, { keepMessage: true }) : new AppError('gone', MESSAGES[reason]);
}

async function throttle(ctx: AppContext, source: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const windowStart = new Date(now - (now % RATE_WINDOW_MS)).toISOString();
  const count = await writeTx(ctx.db, (trx) => hitRateLimit(trx, `sign:${sha256Hex(source)}`, windowStart));
  if (count > SIGN_RATE_LIMIT) await refuse(ctx, 'rate_limited');
}

async function resolve(ctx: AppContext, token: string, source: string, mode: 'open' | 'pdf'): Promise<Resolved> {
  if (ctx.vault.isSealed) throw new AppError('sealed', 'Signing is not available just now because the practice system is locked. Please try again later.');
  await throttle(ctx, source);
  const link = TOKEN.test(token) ? await repo.linkByHash(ctx.db.kysely, sha256Hex(token)) : undefined;
  if (!link) return refuse(ctx, 'unknown');
  const now = ctx.clock.now();
  if (mode === 'open') {
    if (link.used_at) return refuse(ctx, 'used', link);
    if (link.expires_at <= now.toISOString()) return refuse(ctx, 'expired', link);
  } else if (!link.used_at || now.getTime() - Date.parse(link.used_at) > PDF_WINDOW_MS) {
    return refuse(ctx, link.used_at ? 'used' : 'unknown', link);
  }
  const c = await caseByCode(ctx.db.kysely, link.case_code);
  if (!c || c.erasedAt) return refuse(ctx, 'erased', link);
  const cc = await consentCase(ctx, c);
  const agreement = await requireAgreement(ctx, ctx.db.kysely, cc, link.agreement_id);
  if (mode === 'open' && agreement.status !== 'awaiting_signature') return refuse(ctx, 'replaced', link);
  return { link, cc, agreement, actor: { id: `link:${link.id}` } };
}

export interface SigningView {
  practiceName: string;
  title: string;
  audience: 'adult' | 'young';
  templateKey: string;
  version: number;
  documentHash: string;
  expiresAt: string;
  blocks: Block[];
  limits: Block[];
  channels: { channel: Channel; label: string; risk: string }[];
}

export async function openSigningLink(ctx: AppContext, token: string, source: string): Promise<SigningView> {
  const r = await resolve(ctx, token, source, 'open');
  const a = r.agreement;
  const text = await agreementText(ctx.db.kysely, a);
  const v = await versionById(ctx.db.kysely, a.versionId);
  const audience = v?.audience === 'young' ? 'young' : 'adult';
  await recordAudit(ctx.db, ctx.clock, r.actor, { action: 'consent.link.open', targetType: 'signing_link', targetId: r.link.id, caseCode: r.link.case_code, details: { agreementId: a.id } });
  return {
    practiceName: a.fields.practiceName, title: a.title, audience, templateKey: a.templateKey, version: a.version, documentHash: a.documentHash, expiresAt: r.link.expires_at,
    blocks: parseMarkdown(text), limits: parseMarkdown(limitsSection(text) ?? ''),
    channels: a.fields.channels.map((channel) => ({ channel, label: CHANNEL_LABELS[channel], risk: channelRisk(channel, audience) })),
  };
}

export async function signByLink(ctx: AppContext, token: string, source: string, input: SignInput): Promise<{ signedAt: string; documentHash: string; pdfPath: string }> {
  const r = await resolve(ctx, token, source, 'open');
  // Capacity cannot be judged through a link; a same-day judgement recorded by the practitioner still applies.
  const { capacity: _ignored, ...rest } = input;
  await writeTx(ctx.db, async (trx) => {
    if (!(await repo.markLinkUsed(trx, r.link.id, ctx.clock.now().toISOString()))) throw new AppError('gone', MESSAGES.used);
    await appendAudit(trx, ctx.clock, r.actor, { action: 'consent.link.use', targetType: 'signing_link', targetId: r.link.id, caseCode: r.link.case_code });
    await completeSigning(ctx, trx, r.cc, r.agreement, rest, 'link', r.actor);
  });
  return { signedAt: ctx.clock.now().toISOString(), documentHash: r.agreement.documentHash, pdfPath: `/api/sign/${token}/pdf` };
}

export async function signedPdfByLink(ctx: AppContext, token: string, source: string): Promise<Buffer> {
  const r = await resolve(ctx, token, source, 'pdf');
  const a = r.agreement;
  const pdf = await agreementPdf(a, await agreementText(ctx.db.kysely, a), await readConsents(ctx, ctx.db.kysely, r.cc.c.clientId, r.cc.c.caseCode, r.cc.today), displayZoneFor(r.cc.practice));
  await recordAudit(ctx.db, ctx.clock, r.actor, { action: 'consent.pdf', targetType: 'agreement', targetId: a.id, caseCode: r.link.case_code, details: { via: 'link' } });
  return pdf;
}

