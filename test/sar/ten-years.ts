/** A client seen weekly for ten years, with a year of couple work and 50 letters (benchmark and test). */
import type { AppContext } from '../../src/context.js';
import type { Principal } from '../../src/core/access.js';
import { createClient } from '../../src/features/clients/clients.service.js';
import { addNote } from '../../src/features/notes/notes.service.js';
import { addSession } from '../../src/features/sessions/sessions.service.js';
import { addLetter } from '../../src/features/sar/documents.js';
import { addParticipant } from '../../src/features/sar/joint-work.js';
import { openRequest } from '../../src/features/sar/sar.service.js';

const INDIVIDUAL = [
  'Returned to the pressure at work and how it follows them home. Noticed tension in the shoulders when describing the manager. Practised slowing the breath; left calmer. Plan: continue weekly.',
  'Talked about sleep, which has improved a little. Explored an old pattern of taking responsibility for other people’s moods. No risk disclosed. Homework: notice the first sign of the pattern.',
  'A quieter session. Some grief about the father’s illness surfaced towards the end. We stayed with it. Agreed to return to it next week if it feels right.',
];
const COUPLE = [
  'Joint session with Sam Carter. Sam said: "I feel like a lodger in my own home." The client described feeling blamed and shutting down. We slowed the exchange and named the cycle.',
  'Joint session. Sam explained that the late nights at work feel like a choice against the relationship. The client listened without interrupting for the first time. Homework: ten minutes a day, phones away.',
];

export async function seedTenYears(ctx: AppContext, op: Principal, progress: (m: string) => void): Promise<{ clientId: string; requestId: string }> {
  const client = await createClient(ctx, op, { name: 'Morgan Ellis', dob: '1979-05-02', email: 'morgan@example.org' });
  const partner = await createClient(ctx, op, { name: 'Sam Carter' });
  const start = Date.parse('2016-01-04T00:00:00Z');
  for (let w = 0; w < 520; w++) {
    const date = new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10);
    const couple = w >= 150 && w < 200;
    const s = await addSession(ctx, op, client.id, { date });
    if (couple) await addParticipant(ctx, op, client.id, { sessionId: s.id, participantClientId: partner.id, role: 'partner' });
    const text = couple ? COUPLE[w % COUPLE.length] : INDIVIDUAL[w % INDIVIDUAL.length];
    await addNote(ctx, op, client.id, { kind: w % 26 === 25 ? 'process' : 'progress', text: `Week ${w + 1}. ${text}`, sessionId: s.id, sign: true });
    if (w % 100 === 99) progress(`seeded ${w + 1}/520 weeks`);
  }
  for (let l = 0; l < 50; l++) await addLetter(ctx, op, client.id, { title: `Letter ${l + 1}`, text: `Dear Dr Okafor,\n\nI am writing with an update on our work (letter ${l + 1}). Attendance has been regular and the work continues.\n\nWith best wishes` });
  const r = await openRequest(ctx, op, { clientId: client.id, right: 'access', receivedOn: '2026-01-05' });
  return { clientId: client.id, requestId: r.id };
}
