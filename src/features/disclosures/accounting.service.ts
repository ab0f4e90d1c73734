/** The accounting of disclosures for one client, for the practitioner: on screen, JSON and PDF. */
import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { renderPdf } from '../../pdf/render.js';
import { actorOf, requireCase } from '../clients/case-access.js';
import { practiceFacts } from '../requests/request-facts.js';
import { type DisclosureEntry, type Period, checkPeriod } from './disclosures.js';
import { decryptDisclosures } from './disclosures.service.js';

export interface Accounting {
  clientId: string;
  caseCode: string;
  period: Period;
  disclosures: DisclosureEntry[];
}

export async function accountingFor(ctx: AppContext, principal: Principal, clientId: string, opts: { from?: string; to?: string } = {}): Promise<Accounting> {
  const practice = await practiceFacts(ctx);
  const period = checkPeriod(opts.from, opts.to, practice.today);
  const c = await requireCase(ctx, principal, clientId, 'case.read_clinical');
  const disclosures = await decryptDisclosures(ctx, clientId, c.caseCode, period);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'disclosure.accounting', targetType: 'client', targetId: clientId, caseCode: c.caseCode, details: { from: period.from, to: period.to, count: disclosures.length } });
  return { clientId, caseCode: c.caseCode, period, disclosures };
}

export async function accountingPdf(ctx: AppContext, a: Accounting): Promise<Buffer> {
  const practice = await practiceFacts(ctx);
  const head = ['Date', 'Recipient', 'What', 'Purpose', 'Legal basis'].map((t) => ({ text: t, style: 'tableHeader' }));
  const body = a.disclosures.map((d) => [d.disclosedOn, d.recipient, d.what, d.purpose, d.legalBasis + (d.restricted ? ' (restricted: not shown to the client)' : '') + (d.contraryToAdvice ? ' (decided contrary to the advice)' : '')]);
  const content: Parameters<typeof renderPdf>[0] = [
    { text: 'Accounting of disclosures', style: 'title' },
    { text: `${practice.name} · case ${a.caseCode} · ${a.period.from} to ${a.period.to}`, style: 'meta', margin: [0, 0, 0, 12] },
    a.disclosures.length
      ? { table: { headerRows: 1, widths: [58, 90, '*', 80, 110], body: [head, ...body] }, layout: 'lightHorizontalLines', fontSize: 9 }
      : { text: 'No disclosures were made in this period.' },
  ];
  return renderPdf(content, { title: 'Accounting of disclosures', footer: `Confidential · ${a.caseCode}` });
}
