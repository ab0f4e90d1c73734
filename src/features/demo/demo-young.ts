import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { createClient } from '../clients/clients.service.js';
import { prepareAgreement, signInPerson } from '../consent/agreements.service.js';
import { recordConsent } from '../consent/consents.service.js';
import { addParent, recordCompetence } from '../consent/young.service.js';
import type { ParentInput } from '../consent/young.js';
import { getRequest } from '../requests/request-view.js';
import { logRequest } from '../requests/requests.service.js';
import { recordStep } from '../requests/workflow.service.js';
import { addDays } from './demo-clock.js';
import type { DemoClient } from './demo-content.js';

/**
 * A young person seen by the school counselling service, so the rules for children show: the
 * young person's own agreement, a Gillick assessment with reasons, both parents recorded as holding
 * parental responsibility, what she agreed her mother may be told, and later her mother asking for
 * more than that.
 */
export interface YoungDemoClient extends DemoClient {
  school: string;
  parents: ParentInput[];
}

/** Fifteen years and seven months before today: she is 15 at her first session and still 15 now. */
export const youngDob = (today: string): string => {
  const [y, m, d] = today.split('-').map(Number);
  const month = m - 7 <= 0 ? m + 5 : m - 7;
  const year = y - 15 - (m - 7 <= 0 ? 1 : 0);
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
};

export function youngClient(today: string): YoungDemoClient {
  return {
    name: 'Maya Fletcher', dob: youngDob(today), email: 'maya.fletcher@example.com', phone: '07700 900113', gp: 'Dr Patel, Riverside Health Centre',
    presenting: 'anxiety at school and arguments at home since her parents separated', modality: 'in_person', address: '14 Gull Road, Portside',
    school: 'Portside Academy',
    parents: [
      { name: 'Joanne Fletcher', relationship: 'mother, Maya lives with her', phone: '07700 900114', email: 'joanne.fletcher@example.com', address: '14 Gull Road, Portside' },
      { name: 'Daniel Fletcher', relationship: 'father', phone: '07700 900115' },
    ],
  };
}

/** The first session: competence, parental responsibility, the young person's school agreement, and what her mother may know. */
export async function openYoungClient(ctx: AppContext, p: Principal, c: YoungDemoClient): Promise<{ id: string; caseCode: string }> {
  const { id, caseCode } = await createClient(ctx, p, { name: c.name, dob: c.dob, email: c.email, phone: c.phone, gp: c.gp, address: c.address });
  await recordCompetence(ctx, p, id, {
    framework: 'gillick', competent: true,
    reasons: 'Referred by her head of year and came willingly. Explained back in her own words what counselling is, that she can stop at any time, what stays private and when I would have to tell someone to keep her safe. Asked sensible questions about what her parents would be told and weighed it up before deciding.',
  });
  for (const parent of c.parents) await addParent(ctx, p, id, parent);
  const a = await prepareAgreement(ctx, p, id, { setting: 'school', fields: { channels: ['sms', 'phone'] } });
  await signInPerson(ctx, p, id, a.id, {
    signature: { name: c.name, method: 'typed', signer: 'client' },
    choices: { records: true, supervision: true, channels: { sms: true, phone: false } },
    capacity: { hasCapacity: true, reasons: 'Read the young person\'s agreement with me, asked what "supervision" means and chose for herself.' },
  });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  await recordConsent(ctx, p, id, {
    kind: 'disclosure', recipient: c.parents[0].name, what: 'attendance',
    purpose: 'so she knows whether Maya is coming to her sessions; nothing about what is said in them. Maya chose this.', expiresOn: addDays(today, 300),
  });
  return { id, caseCode };
}

/** Her mother asks what Maya talks about: triage says it needs Maya's agreement, and it waits for her. */
export async function parentAsks(ctx: AppContext, p: Principal, clientId: string, c: YoungDemoClient): Promise<void> {
  const mother = c.parents[0];
  const { id } = await logRequest(ctx, p, {
    requesterType: 'parent', clientId, asks: 'discuss_case', authority: 'none',
    asked: `Phoned the school office asking to be told what ${c.name.split(' ')[0]} talks about in counselling, because she is worried about how withdrawn she has been at home.`,
    requester: { name: mother.name, organisation: '', role: 'Mother, holds parental responsibility', verifiedHow: 'Called back on the number the school holds for her' },
  });
  const verify = (await getRequest(ctx, p, id)).checklist.find((i) => i.step === 'verify_requester');
  await ctx.audit.flush();
  if (verify) {
    await recordStep(ctx, p, id, {
      step: verify.step, date: ctx.clock.now().toISOString().slice(0, 10), name: mother.name, outcome: 'Confirmed',
      note: 'Rang her back on the number the school holds; she is the mother named on the record. Told her only that I would come back to her.',
    } as Parameters<typeof recordStep>[3]);
  }
}
