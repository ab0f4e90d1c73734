import type { Principal } from '../../core/access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { renderPdf } from '../../pdf/render.js';
import { actorOf } from '../clients/case-access.js';
import { userById } from '../auth/auth.repository.js';
import type { Authority, Basis } from '../triage/triage.js';
import { type Letter, type LetterFacts, type LetterKind, LETTER_KINDS, coveringLetter, declineLetter, instrumentLetter, reportTemplate } from './letters.js';
import { requireRequest } from './request-access.js';
import { practiceFacts } from './request-facts.js';
import { requestSealers } from './requests.keys.js';
import * as repo from './requests.repository.js';
import { checkOneOf } from './requests.js';
import type { RequesterParticulars } from './requests.js';
import { decisionFor } from './workflow.repository.js';
import type { DecisionContent } from './workflow.js';

/** A short reference a requester can quote back without it meaning anything to anyone else. */
export const referenceOf = (requestId: string) => `R-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

export async function buildLetter(ctx: AppContext, principal: Principal, requestId: string, kindRaw: string): Promise<Letter> {
  const kind = checkOneOf(kindRaw, LETTER_KINDS, 'kind') as LetterKind;
  const { row, clientId } = await requireRequest(ctx, principal, requestId, false);
  const practice = await practiceFacts(ctx);
  const s = await requestSealers(ctx, ctx.db.kysely, clientId);
  const enc = await repo.requesterEnc(ctx.db.kysely, requestId);
  const who = enc ? s.identity.open<RequesterParticulars>('request_parties', requestId, 'requester', enc) : { name: '', organisation: '', role: '', verifiedHow: '' };
  const user = principal.userId === 'cli' ? undefined : await userById(ctx.db.kysely, principal.userId);
  const facts: LetterFacts = {
    practiceName: practice.name, signatory: user?.displayName ?? practice.name, today: practice.today, reference: referenceOf(requestId),
    receivedOn: row.received_on, jurisdiction: row.jurisdiction, recipient: { name: who.name, organisation: who.organisation, role: who.role },
  };
  let letter: Letter;
  if (kind === 'decline') letter = declineLetter(facts);
  else if (kind === 'request_instrument') letter = instrumentLetter(facts);
  else if (kind === 'report_template') letter = reportTemplate(facts);
  else {
    const d = await decisionFor(ctx.db.kysely, requestId);
    const content = d ? s.clinical.open<DecisionContent>('request_decisions', requestId, 'decision', d.decision_enc) : null;
    letter = coveringLetter(facts, { authority: row.authority as Authority, basis: row.basis as Basis, scope: content?.scope ?? '' });
  }
  await recordAudit(ctx.db, ctx.clock, actorOf(principal), { action: 'request.letter', targetType: 'request', targetId: requestId, caseCode: row.case_code ?? undefined, details: { kind } });
  return letter;
}

export async function letterPdf(letter: Letter): Promise<Buffer> {
  const content: Parameters<typeof renderPdf>[0] = letter.text.split('\n\n').map((p) => ({ text: p, margin: [0, 0, 0, 8] }));
  return renderPdf(content, { title: letter.title, footer: 'Confidential' });
}
