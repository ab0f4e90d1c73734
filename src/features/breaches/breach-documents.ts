/** Drafts, the client letter as a PDF, and the register as PDF and CSV. */
import type { Principal } from '../../core/access.js';
import { invalidInput } from '../../core/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { renderPdf } from '../../pdf/render.js';
import { userById } from '../auth/auth.repository.js';
import { actorOf } from '../clients/case-access.js';
import { caseForClient } from '../clients/clients.repository.js';
import { decryptIdentity } from '../clients/clients.service.js';
import { practiceOf, requireBreach } from './breach-access.js';
import { toBreach } from './breach-view.js';
import { type Draft, type PracticeContact, clientDraft, regulatorDraft } from './drafts.js';
import { clientLetterFor, letterTextForSending } from './letters.service.js';
import { listRegister } from './register.service.js';
import { displayZoneFor, formatInstantDate } from '../../core/datetime.js';

type Content = Parameters<typeof renderPdf>[0][number];

export async function contactFor(ctx: AppContext, p: Principal, contact?: string): Promise<PracticeContact> {
  const practice = await practiceOf(ctx, p);
  const me = await userById(ctx.db.kysely, p.userId);
  const fallback = `${me?.displayName ?? 'The data protection lead'}, ${practice.name}`;
  return { practiceName: practice.name, contact: contact?.trim() || fallback, zone: displayZoneFor(practice) };
}

export async function breachDrafts(ctx: AppContext, p: Principal, id: string, contact?: string): Promise<{ regulator: Draft; individual: Draft }> {
  const b = await toBreach(ctx, await requireBreach(ctx, p, id));
  const who = await contactFor(ctx, p, contact);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'breach.draft', targetType: 'breach', targetId: id });
  // The shared draft never names a client; each letter is personalised only in its PDF.
  const letter = await clientLetterFor(ctx, b, who);
  return { regulator: regulatorDraft(b, who), individual: clientDraft(b, who, 'client', letter.clientSummary) };
}

/** The edited letter as paragraphs; a short first line with no full stop reads as a section heading. */
const bodyContent = (body: string): Content[] =>
  body.split(/\n\s*\n/).flatMap((para): Content[] => {
    const [first, ...rest] = para.split('\n');
    const heading = rest.length > 0 && first.length <= 70 && !/[.!?:,]$/.test(first.trim());
    return heading ? [{ text: first.trim(), style: 'h3' }, { text: rest.join('\n') }] : [{ text: para }];
  });

/** One affected client's letter. Decrypting their name and address is audited with its purpose. */
export async function clientLetterPdf(ctx: AppContext, p: Principal, id: string, clientId: string, contact?: string): Promise<Buffer> {
  const b = await toBreach(ctx, await requireBreach(ctx, p, id));
  if (!b.affected.some((a) => a.clientId === clientId)) throw invalidInput('clientId', 'That client is not listed as affected.');
  const c = await caseForClient(ctx.db.kysely, clientId);
  if (!c || c.erasedAt) throw invalidInput('clientId', "That client's records were destroyed; there is no one to write to.");
  const identity = await decryptIdentity(ctx, c);
  const who = await contactFor(ctx, p, contact);
  await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'client.read', targetType: 'client', targetId: clientId, caseCode: c.caseCode, purpose: 'breach_notification', details: { breachId: id } });
  const address: Content[] = [identity.name, identity.address ?? ''].filter(Boolean).map((t) => ({ text: t }));
  const body = await letterTextForSending(ctx, b, who);
  const title = clientDraft(b, who, identity.name).title;
  return renderPdf([...address, { text: formatInstantDate(ctx.clock.now().toISOString(), who.zone), margin: [0, 8, 0, 16] }, { text: title, style: 'title' }, { text: `Dear ${identity.name},`, margin: [0, 0, 0, 8] }, ...bodyContent(body)], {
    title: `${title} (${b.reference})`, footer: `Private and confidential · ${b.reference}`,
  });
}

const CSV_COLUMNS = ['reference', 'regime', 'kind', 'occurredAt', 'discoveredAt', 'affectedCount', 'outcome', 'status', 'closedAt', 'notifications'] as const;
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The register without free text: references, dates, counts and decisions. */
export async function registerCsv(ctx: AppContext, p: Principal): Promise<string> {
  const list = await listRegister(ctx, p);
  const lines = [CSV_COLUMNS.join(',')];
  for (const b of list) {
    const notes = b.clocks.map((c) => `${c.audience}:${c.state}`).join(' ');
    lines.push([b.reference, b.regime, b.kind, b.occurredAt, b.discoveredAt, b.affectedCount, b.outcome, b.status, b.closedAt, notes].map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export async function registerPdf(ctx: AppContext, p: Principal): Promise<Buffer> {
  const list = await listRegister(ctx, p);
  const practice = await practiceOf(ctx, p);
  const head = ['Reference', 'Kind', 'Occurred', 'Discovered', 'Affected', 'Outcome', 'Notifications', 'Status'].map((t) => ({ text: t, style: 'tableHeader' }));
  const z = displayZoneFor(practice);
  const rows = list.map((b) => [b.reference, b.kind.replace(/_/g, ' '), formatInstantDate(b.occurredAt, z), formatInstantDate(b.discoveredAt, z), String(b.affectedCount), b.outcome?.replace(/_/g, ' ') ?? 'not assessed', b.clocks.map((c) => `${c.audience}: ${c.state.replace(/_/g, ' ')}`).join('\n') || 'none required', b.status]);
  return renderPdf([
    { text: 'Breach register', style: 'title' },
    { text: `${practice.name} · produced ${formatInstantDate(ctx.clock.now().toISOString(), z)} · ${list.length} ${list.length === 1 ? 'entry' : 'entries'}`, style: 'meta' },
    { table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', '*', 'auto'], body: [head, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8, margin: [0, 12, 0, 0] },
  ], { title: 'Breach register', footer: 'Confidential: breach register' });
}
