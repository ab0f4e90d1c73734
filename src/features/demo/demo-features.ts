import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { contactFor } from '../breaches/breach-documents.js';
import { assessBreach, reportBreach } from '../breaches/breaches.service.js';
import { saveClientLetter } from '../breaches/letters.service.js';
import { recordConsent, withdrawConsent } from '../consent/consents.service.js';
import { mayContact } from '../consent/lookup.js';
import { generatePack } from '../disclosures/pack.service.js';
import { addDocument } from '../documents/documents.service.js';
import { listNotes } from '../notes/notes.service.js';
import { logRequest } from '../requests/requests.service.js';
import { getRequest } from '../requests/request-view.js';
import { recordStep, saveDecision, signOffDecision } from '../requests/workflow.service.js';
import { placeHold } from '../retention/retention.service.js';
import { openRequest, recordDelivery, verifyIdentity } from '../sar/sar.service.js';
import { createDraft, decideSpan } from '../sharing/drafts.service.js';
import { shareDraft } from '../sharing/share.service.js';
import { type DemoClock, addDays } from './demo-clock.js';
import type { DemoClient } from './demo-content.js';
import type { StaffPrincipals } from './demo-staff.js';

export interface DemoCase {
  id: string;
  owner: Principal;
  client: DemoClient;
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
}

/**
 * The practice's other duties, in the last weeks before today: a withdrawn consent and a consent
 * to disclose, a court order decided and disclosed in part and a police request still open, two
 * subject access requests, a misdirected email handled as a breach with its letter, anonymised
 * material shared with a supervisor, a legal hold and an uploaded letter.
 */
export async function seedFeatures(ctx: AppContext, clock: DemoClock, staff: StaffPrincipals, cases: DemoCase[], say: (m: string) => void): Promise<DemoFeatures> {
  const today = clock.now().toISOString().slice(0, 10);
  const open = cases.filter((_, i) => i % 5 !== 4);
  const pick = (n: number) => open[n % open.length];
  const day = (back: number, hour = 10) => `${addDays(today, -back)}T${String(hour).padStart(2, '0')}:15:00Z`;
  const out: DemoFeatures = { withdrawals: 0, disclosureConsents: 0, requests: 0, disclosures: 0, subjectAccessRequests: 0, breaches: 0, shared: 0, holds: 0, documents: 0 };
  // Reads are audited by a group commit; flushing at once keeps the demo's log in time order.
  const signedProgress = async (c: DemoCase) => {
    const notes = await listNotes(ctx, c.owner, c.id, { limit: 20 });
    await ctx.audit.flush();
    return notes.filter((n) => n.kind === 'progress' && n.status === 'signed');
  };

  // Consent: a client asks by phone to stop text messages; another agrees to a report for their GP.
  clock.at(day(20, 11));
  const sms = await mayContact(ctx, pick(1).id, 'sms');
  if (sms.allowed && sms.consent) {
    await withdrawConsent(ctx, pick(1).owner, pick(1).id, sms.consent.id, { via: 'phone', askedOn: addDays(today, -21) });
    out.withdrawals++;
  }
  clock.at(day(18, 14));
  await recordConsent(ctx, pick(2).owner, pick(2).id, { kind: 'disclosure', recipient: pick(2).client.gp, what: 'report', purpose: 'A short report on progress, which the client asked us to send before their review appointment.', expiresOn: addDays(today, 60) });
  out.disclosureConsents++;

  // Requests: a court order, checked, decided, signed off and disclosed in part; a police request still open.
  const court = pick(0);
  clock.at(day(16, 9));
  const order = await logRequest(ctx, court.owner, {
    requesterType: 'court', clientId: court.id, asks: 'records', authority: 'court_order', dueOn: addDays(today, 10),
    asked: 'Order for attendance records and the notes of the last three sessions, for family proceedings.',
    requester: { name: 'Court Manager', organisation: 'Family Court at Portside', role: 'Court office', verifiedHow: 'Sealed order checked with the court office by phone' },
  });
  out.requests++;
  clock.at(day(15, 12));
  const view = await getRequest(ctx, court.owner, order.id);
  await ctx.audit.flush();
  for (const item of view.checklist) {
    if (item.bySignOff || item.latest) continue;
    clock.at(day(14, 11));
    await recordStep(ctx, court.owner, order.id, {
      step: item.step, date: addDays(today, -14), name: 'Dr Ruth Ellis', advice: 'Disclose only what the order names; keep process notes out.',
      source: 'Insurer legal helpline', outcome: 'Done', note: 'Done', ...(item.step === 'assess_capacity' ? { capable: true } : {}),
    } as Parameters<typeof recordStep>[3]);
  }
  clock.at(day(13, 16));
  await saveDecision(ctx, court.owner, order.id, { outcome: 'disclose_in_part', factors: ['Court order', 'Minimum necessary'], reasons: 'The order covers attendance and three notes; nothing else goes.', scope: 'Attendance and the last three progress notes' });
  await signOffDecision(ctx, court.owner, order.id);
  clock.at(day(12, 10));
  const notes = (await signedProgress(court)).slice(0, 3);
  if (notes.length) {
    await generatePack(ctx, court.owner, order.id, { noteIds: notes.map((n) => n.id), purpose: 'Family proceedings, under the court order' });
    out.disclosures++;
  }
  clock.at(day(3, 15));
  const police = pick(3);
  await logRequest(ctx, police.owner, {
    requesterType: 'police', clientId: police.id, asks: 'records', authority: 'none',
    asked: 'Copies of session notes about the client for an investigation into a neighbour dispute.',
    requester: { name: 'DC Sam Hughes', organisation: 'Portside Police', role: 'Detective Constable', verifiedHow: 'Called the station switchboard back' },
  });
  out.requests++;

  // Subject access: one answered and delivered, one still inside its month.
  const done = pick(4);
  clock.at(day(40, 9));
  const sarDone = await openRequest(ctx, done.owner, { clientId: done.id, right: 'access', receivedOn: addDays(today, -40) });
  await verifyIdentity(ctx, done.owner, sarDone.id, { method: 'known_to_practitioner', on: addDays(today, -40) });
  clock.at(day(25, 14));
  await recordDelivery(ctx, done.owner, sarDone.id, { channel: 'email', on: addDays(today, -25) }).catch(() => undefined);
  clock.at(day(6, 10));
  const waiting = pick(5);
  const sarOpen = await openRequest(ctx, waiting.owner, { clientId: waiting.id, right: 'access', receivedOn: addDays(today, -6) });
  await verifyIdentity(ctx, waiting.owner, sarOpen.id, { method: 'in_person', on: addDays(today, -6) });
  out.subjectAccessRequests += 2;

  // A breach: an appointment email sent to the wrong address, assessed, with a letter written for the client.
  const misdirected = pick(6);
  clock.at(day(9, 17));
  const breach = await reportBreach(ctx, staff.lead, {
    kind: 'misdirected_message', reportedBy: 'Alex Morgan', occurredAt: day(9, 15), discoveredAt: day(9, 16), categories: ['identity', 'contact_details', 'session_dates'],
    summary: 'Appointment reminder with the client\'s name and next session time sent to a similarly named address (autocomplete). Recipient replied to say so.',
    clientIds: [misdirected.id], containment: [{ at: day(9, 16), text: 'Asked the recipient to delete the email; they confirmed they had.' }],
  });
  clock.at(day(8, 10));
  await assessBreach(ctx, staff.lead, breach.id, { likelihood: 'remote', severity: 'significant', reasoning: 'One email, deleted by the recipient on request; it named the service and a time but no clinical content.' });
  await saveClientLetter(ctx, staff.lead, breach.id, { clientSummary: 'A reminder of your next appointment was emailed to the wrong address by mistake. The person who received it told us straight away and deleted it.' }, await contactFor(ctx, staff.lead));
  out.breaches++;

  // Shared material: an anonymised note taken to supervision.
  const supervised = pick(7);
  const [shareNote] = await signedProgress(supervised);
  if (shareNote) {
    clock.at(day(5, 13));
    let draft = await createDraft(ctx, supervised.owner, supervised.id, { noteIds: [shareNote.id] });
    for (const s of draft.parts.flatMap((p) => p.spans).filter((x) => x.decision === 'pending')) draft = await decideSpan(ctx, supervised.owner, draft.id, s.id, 'accepted');
    await shareDraft(ctx, supervised.owner, draft.id, {
      recipientKind: 'supervisor', recipient: 'Monthly clinical supervision group', purpose: 'Supervision of the work on this client\'s goals', form: 'pdf',
      consent: { answer: 'not_needed', reason: 'Fully anonymised; the agreement covers supervision.' },
      residual: { occupation: 'generalised', event: 'absent', place: 'absent', age: 'absent', condition: 'absent' },
    } as Parameters<typeof shareDraft>[3]);
    out.shared++;
  }

  // Retention: a hold on the court case, and a referral letter kept with a record.
  clock.at(day(4, 9));
  const caseCode = (await getRequest(ctx, court.owner, order.id)).caseCode;
  await ctx.audit.flush();
  if (caseCode) {
    await placeHold(ctx, staff.lead, { caseCode, kind: 'litigation', reason: 'Family proceedings are under way; keep the record until they end.' });
    out.holds++;
  }
  clock.at(day(2, 11));
  const letter = `Dear colleague,\n\nThank you for seeing ${court.client.name}, who has asked for counselling about ${court.client.presenting}.\n\nWith best wishes,\n${court.client.gp}\n`;
  await addDocument(ctx, court.owner, court.id, { kind: 'letter', fileName: 'gp-referral.txt', title: 'Referral letter from the GP', content: Buffer.from(letter, 'utf8').toString('base64') });
  out.documents++;
  say('  consents, requests, subject access, a breach, shared material, a hold and a letter');
  return out;
}
