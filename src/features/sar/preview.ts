import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { assemble } from './assembly.js';
import { readRedactions } from './redaction.service.js';
import { toRequest } from './sar.codec.js';
import { loadRequest } from './sar.service.js';
import { withheldItems } from './withheld.js';

/** What an export would hold, as counts: enough to check completeness before generating it. */
export async function previewAssembly(ctx: AppContext, principal: Principal, id: string) {
  const { row, c } = await loadRequest(ctx, principal, id, 'case.read_clinical');
  const a = await assemble(ctx, await toRequest(ctx, row, c), c);
  const r = await readRedactions(ctx, c, id);
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'sar.preview', targetType: 'sar_request', targetId: id, caseCode: c.caseCode, purpose: 'subject access' });
  const count = (s: string) => r.filter((x) => x.status === s).length;
  return {
    identity: true,
    sessions: a.sessions.length,
    jointSessions: a.sessions.filter((s) => s.jointWith > 0).length,
    progressNotes: a.notes.filter((n) => n.kind === 'progress').length,
    processNotes: a.notes.filter((n) => n.kind === 'process').length,
    processNotesExcluded: a.excludedProcessNotes,
    addenda: a.notes.reduce((n, x) => n + x.addenda.length, 0),
    documents: a.documents.length,
    consents: a.consents.items.length,
    disclosures: a.disclosures.items.length,
    accessLogEntries: a.accessLog.length,
    redactions: { proposed: count('proposed'), accepted: count('accepted'), rejected: count('rejected') },
    /** Everything the export leaves out, each with its ground: restricted disclosures included. */
    withheld: withheldItems(a, r),
  };
}
