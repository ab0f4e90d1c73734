import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { contactFor } from '../breaches/breach-documents.js';
import { assessBreach, reportBreach } from '../breaches/breaches.service.js';
import { saveClientLetter } from '../breaches/letters.service.js';
import { closeBreach, recordNotification } from '../breaches/notify.service.js';
import { recordConsent, withdrawConsent } from '../consent/consents.service.js';
import { mayContact } from '../consent/lookup.js';
import { consentStatus } from '../consent/status.service.js';
import { generatePack } from '../disclosures/pack.service.js';
import { addDocument } from '../documents/documents.service.js';
import { listNotes } from '../notes/notes.service.js';
import { logRequest } from '../requests/requests.service.js';
import { getRequest } from '../requests/request-view.js';
import { recordStep, saveDecision, signOffDecision } from '../requests/workflow.service.js';
import { secureDispose } from '../retention/disposal.service.js';
import { placeHold } from '../retention/retention.service.js';
import { openRequest, recordDelivery, verifyIdentity } from '../sar/sar.service.js';
import { createDraft, decideSpan } from '../sharing/drafts.service.js';
import { shareDraft } from '../sharing/share.service.js';
import { addDays } from './demo-clock.js';
import type { DemoClient } from './demo-content.js';
import type { StaffPrincipals } from './demo-staff.js';
import { type YoungDemoClient, parentAsks } from './demo-young.js';

export interface DemoCase {
  /** Known once the client has been opened. */
  readonly id: string;
  readonly caseCode: string;
  owner: Principal;
  client: DemoClient;
  openedOn: string;
  closed: boolean;
}

export interface DemoFeatures {
  withdrawals: number;
  disclosureConsents: number;
  requests: number;
  disclosures: number;
  subjectAccessRequests: number;
  breaches: number;
  shared: number;
  holds: number;
  documents: number;
  disposals: number;
}

/**
 * The practice's other duties, in the last weeks before today and in the order they happened (the
 * clock only moves forward): a subject access request answered and another still inside its
 * month, a withdrawn consent and a consent to disclose, a court order decided and disclosed in
 * part, a misdirected email handled as a breach with its letter, a young person's mother asking
 * what her daughter says, anonymised material shared with a supervisor, a legal hold, a police
 * request still open and an uploaded letter.
 */
export async function seedFeatures(
  ctx: AppContext, at: (iso: string) => Promise<void>, today: string, staff: StaffPrincipals, cases: DemoCase[], young: { of: DemoCase; client: YoungDemoClient }, former: DemoCase[], say: (m: string) => void,
): Promise<DemoFeatures> {
  // Clients still being seen, who had been coming for some weeks before the first of these duties.
  const current = cases.filter((c) => !c.closed);
  const settled = current.filter((c) => c.openedOn <= addDays(today, -50));
  const open = settled.length ? settled : current;
  const pick = (n: number) => open[n % open.length];
  const day = (back: number, hour = 10) => `${addDays(today, -back)}T${String(hour).padStart(2, '0')}:15:00Z`;
  const out: DemoFeatures = { withdrawals: 0, disclosureConsents: 0, requests: 0, disclosures: 0, subjectAccessRequests: 0, breaches: 0, shared: 0, holds: 0, documents: 0, disposals: 0 };
  // Reads are audited by a group commit; flushing at once keeps the demo's log in time order.
  const signedProgress = async (c: DemoCase) => {
    const notes = await listNotes(ctx, c.owner, c.id, { limit: 20 });
    await ctx.audit.flush();
    return notes.filter((n) => n.kind === 'progress' && n.status === 'signed');
  };

  // Subject access: one answered and delivered within its month.
  const done = pick(4);
  await at(day(40, 9));
  const sarDone = await openRequest(ctx, done.owner, { clientId: done.id, right: 'access', receivedOn: addDays(today, -40) });
  await verifyIdentity(ctx, done.owner, sarDone.id, { method: 'known_to_practitioner', on: addDays(today, -40) });
  await at(day(25, 14));
  await recordDelivery(ctx, done.owner, sarDone.id, { channel: 'secure_email', on: addDays(today, -25) });
  out.subjectAccessRequests++;

  // Retention: the oldest former client's record is past its seven years, and is destroyed with a certificate.
  await at(day(22, 9));
  if (former[0]) {
    await secureDispose(ctx, staff.lead, former[0].caseCode, { confirm: former[0].caseCode });
    out.disposals++;
  }

  // Consent: a client asks by phone to stop text messages; another agrees to a report for their GP.
  await at(day(20, 11));
  for (let n = 1; n < open.length + 1 && !out.withdrawals; n++) {
    const sms = await mayContact(ctx, pick(n).id, 'sms');
    if (!sms.allowed || !sms.consent) continue;
    await withdrawConsent(ctx, pick(n).owner, pick(n).id, sms.consent.id, { via: 'phone', askedOn: addDays(today, -21) });
    out.withdrawals++;
  }
  await at(day(18, 14));
  await recordConsent(ctx, pick(2).owner, pick(2).id, { kind: 'disclosure', recipient: pick(2).client.gp, what: 'report', purpose: 'A short report on progress, which the client asked us to send before their review appointment.', expiresOn: addDays(today, 60) });
  out.disclosureConsents++;

  // A court order, checked, decided, signed off and disclosed in part.
  const court = pick(0);
  await at(day(16, 9));
  const order = await logRequest(ctx, court.owner, {
    requesterType: 'court', clientId: court.id, asks: 'records', authority: 'court_order', receivedOn: addDays(today, -16), dueOn: addDays(today, 10),
    asked: 'Order for attendance records and the notes of the last three sessions, for family proceedings.',
    requester: { name: 'Court Manager', organisation: 'Family Court at Portside', role: 'Court office', verifiedHow: 'Sealed order checked with the court office by phone' },
  });
  out.requests++;
  await at(day(15, 12));
  const view = await getRequest(ctx, court.owner, order.id);
  await ctx.audit.flush();
  await at(day(14, 11));
  for (const item of view.checklist) {
    if (item.bySignOff || item.latest) continue;
    await recordStep(ctx, court.owner, order.id, {
      step: item.step, date: addDays(today, -14), name: 'Dr Ruth Ellis', advice: 'Disclose only what the order names; keep process notes out.',
      source: 'Insurer legal helpline', outcome: 'Done', note: 'Done', ...(item.step === 'assess_capacity' ? { capable: true } : {}),
    } as Parameters<typeof recordStep>[3]);
  }
  await at(day(13, 16));
  await saveDecision(ctx, court.owner, order.id, { outcome: 'disclose_in_part', factors: ['Court order', 'Minimum necessary'], reasons: 'The order covers attendance and three notes; nothing else goes.', scope: 'Attendance and the last three progress notes' });
  await signOffDecision(ctx, court.owner, order.id);
  await at(day(12, 10));
  const notes = (await signedProgress(court)).slice(0, 3);
  if (notes.length) {
    await generatePack(ctx, court.owner, order.id, { noteIds: notes.map((n) => n.id), purpose: 'Family proceedings, under the court order' });
    out.disclosures++;
  }

  // A breach: an appointment email sent to the wrong address, assessed, with a letter written for the client.
  const misdirected = pick(6);
  await at(day(9, 17));
  const breach = await reportBreach(ctx, staff.lead, {
    kind: 'misdirected_message', reportedBy: 'Alex Morgan', occurredAt: day(9, 15), discoveredAt: day(9, 16), categories: ['identity', 'contact_details', 'session_dates'],
    summary: 'Appointment reminder with the client\'s name and next session time sent to a similarly named address (autocomplete). Recipient replied to say so.',
    clientIds: [misdirected.id], containment: [{ at: day(9, 16), text: 'Asked the recipient to delete the email; they confirmed they had.' }],
  });
  await at(day(8, 10));
  await assessBreach(ctx, staff.lead, breach.id, { likelihood: 'remote', severity: 'significant', reasoning: 'One email, deleted by the recipient on request; it named the service and a time but no clinical content.' });
  await saveClientLetter(ctx, staff.lead, breach.id, { clientSummary: 'A reminder of your next appointment was emailed to the wrong address by mistake. The person who received it told us straight away and deleted it.' }, await contactFor(ctx, staff.lead));
  // Some risk, so the regulator is told within 72 hours; the client is told too, though the law does not require it; then it closes.
  await recordNotification(ctx, staff.lead, breach.id, { audience: 'regulator', decision: 'sent', sentOn: addDays(today, -8), channel: 'online_form' });
  await at(day(7, 11));
  await recordNotification(ctx, staff.lead, breach.id, { audience: 'individual', clientId: misdirected.id, decision: 'sent', sentOn: addDays(today, -7), channel: 'post' });
  await closeBreach(ctx, staff.lead, breach.id);
  out.breaches++;

  // The young person's mother asks what she talks about; it waits for Maya's answer.
  await at(day(7, 16));
  await parentAsks(ctx, young.of.owner, young.of.id, young.client);
  out.requests++;

  // Subject access: one still inside its month.
  await at(day(6, 10));
  const waiting = pick(5);
  const sarOpen = await openRequest(ctx, waiting.owner, { clientId: waiting.id, right: 'access', receivedOn: addDays(today, -6) });
  await verifyIdentity(ctx, waiting.owner, sarOpen.id, { method: 'in_person', on: addDays(today, -6) });
  out.subjectAccessRequests++;

  // Shared material: an anonymised note taken to supervision, for a client who agreed to that.
  await at(day(5, 13));
  let supervised = pick(7);
  for (let n = 7; n < 7 + open.length; n++) {
    const consents = (await consentStatus(ctx, pick(n).owner, pick(n).id)).consents;
    await ctx.audit.flush();
    if (consents.some((x) => x.kind === 'supervision' && x.state === 'active' && x.given && !x.withoutCapacity)) {
      supervised = pick(n);
      break;
    }
  }
  const [shareNote] = await signedProgress(supervised);
  if (shareNote) {
    let draft = await createDraft(ctx, supervised.owner, supervised.id, { noteIds: [shareNote.id] });
    for (const s of draft.parts.flatMap((p) => p.spans).filter((x) => x.decision === 'pending')) draft = await decideSpan(ctx, supervised.owner, draft.id, s.id, 'accepted');
    await shareDraft(ctx, supervised.owner, draft.id, {
      recipientKind: 'supervisor', recipient: 'Monthly clinical supervision group', purpose: 'Supervision of the work on this client\'s goals', form: 'pdf',
      consent: { answer: 'not_needed', reason: 'Fully anonymised; the agreement covers supervision.' },
      residual: { occupation: 'generalised', event: 'absent', place: 'absent', age: 'absent', condition: 'absent' },
    } as Parameters<typeof shareDraft>[3]);
    out.shared++;
  }

  // Retention: a hold on the court case.
  await at(day(4, 9));
  const caseCode = (await getRequest(ctx, court.owner, order.id)).caseCode;
  await ctx.audit.flush();
  if (caseCode) {
    await placeHold(ctx, staff.lead, { caseCode, kind: 'litigation', reason: 'Family proceedings are under way; keep the record until they end.' });
    out.holds++;
  }

  // A police request with no authority behind it, still open.
  await at(day(3, 15));
  const police = pick(3);
  await logRequest(ctx, police.owner, {
    requesterType: 'police', clientId: police.id, asks: 'records', authority: 'none',
    asked: 'Copies of session notes about the client for an investigation into a neighbour dispute.',
    requester: { name: 'DC Sam Hughes', organisation: 'Portside Police', role: 'Detective Constable', verifiedHow: 'Called the station switchboard back' },
  });
  out.requests++;

  // A letter from the GP, kept with the record.
  await at(day(2, 11));
  const letter = `Dear colleague,\n\nI saw ${court.client.name} for a review this week. They told me the counselling about ${court.client.presenting} is helping, and that they are happy for us to keep in touch about their care. Please let me know if there is anything you need from me.\n\nWith best wishes,\n${court.client.gp}\n`;
  await addDocument(ctx, court.owner, court.id, { kind: 'letter', fileName: 'letter-from-gp.txt', title: 'Letter from the GP after a review', content: Buffer.from(letter, 'utf8').toString('base64') });
  out.documents++;
  say('  subject access, consents, requests (one from a young person\'s mother), a breach, shared material, a hold and a letter');
  return out;
}
