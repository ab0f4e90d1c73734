import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { createClient, setCaseStatus } from '../clients/clients.service.js';
import { addNote } from '../notes/notes.service.js';
import { addSession } from '../sessions/sessions.service.js';
import { DEMO_CLIENTS, processNote, progressNote, rng } from './demo-content.js';

const addDays = (iso: string, days: number) => new Date(new Date(iso + 'T12:00:00Z').getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Fill an empty practice with invented clients and months of weekly sessions and signed notes.
 * Everything goes through the ordinary services, so it is encrypted and audited like real work.
 */
export async function createDemoPractice(ctx: AppContext, operator: Principal, progress: (msg: string) => void): Promise<{ clients: number; notes: number }> {
  const r = rng(20261121);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  let notes = 0;
  for (const [i, c] of DEMO_CLIENTS.entries()) {
    const { id } = await createClient(ctx, operator, { name: c.name, dob: c.dob, email: c.email, phone: c.phone, gp: c.gp });
    const weeks = 6 + Math.floor(r() * 30);
    const start = addDays(today, -7 * weeks - Math.floor(r() * 5));
    for (let w = 0; w < weeks; w++) {
      const date = addDays(start, 7 * w);
      const missed = r() < 0.08;
      const session = await addSession(ctx, operator, id, { date, durationMinutes: 50, modality: c.modality, attendance: missed ? 'cancelled_by_client' : 'attended' });
      if (missed) continue;
      await addNote(ctx, operator, id, { kind: 'progress', text: progressNote(r, c), sessionId: session.id, sign: w < weeks - 1, writtenAt: `${date}T15:${String(10 + w % 50).padStart(2, '0')}:00.000Z` });
      notes++;
      if (r() < 0.15) {
        await addNote(ctx, operator, id, { kind: 'process', text: processNote(r), sessionId: session.id, sign: true, writtenAt: `${date}T16:05:00.000Z` });
        notes++;
      }
    }
    if (i % 5 === 4) await setCaseStatus(ctx, operator, id, 'closed');
    progress(`  ${i + 1}/${DEMO_CLIENTS.length} clients`);
  }
  return { clients: DEMO_CLIENTS.length, notes };
}
