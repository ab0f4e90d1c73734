import { describe, expect, it } from 'vitest';
import { usePractice } from '../../../test/support/practice.js';

interface LogEntry { action: string; actorName: string | null }

describe('note drafts that save themselves', () => {
  const p = usePractice({ client: { name: 'Autosave Client' } });

  const noteEntries = async () => {
    await p.ctx.audit.flush();
    const log = (await p.api.get(`/api/clients/${p.clientId}/access-log`)).json() as LogEntry[];
    return log.filter((e) => e.action.startsWith('note.')).map((e) => e.action).sort();
  };

  it('keeps the latest text encrypted and adds no access-history row per automatic save', async () => {
    const draft = (await p.api.post(`/api/clients/${p.clientId}/notes`, { kind: 'progress', text: 'Client arrived', sign: false })).json() as { id: string };
    let text = 'Client arrived';
    for (let i = 0; i < 12; i++) {
      text += ` and talked about the allotment ${i}`;
      p.ctx.clock.advance(5_000);
      expect((await p.api.put(`/api/notes/${draft.id}`, { text, autosave: true })).statusCode).toBe(204);
    }
    expect(await noteEntries()).toEqual(['note.create']);
    const notes = (await p.api.get(`/api/clients/${p.clientId}/notes`)).json() as { id: string; text: string; status: string }[];
    expect(notes).toEqual([expect.objectContaining({ id: draft.id, text, status: 'draft' })]);
    const row = await p.ctx.db.kysely.selectFrom('notes').select('body_enc').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row.body_enc.startsWith('v1:')).toBe(true);
    expect(row.body_enc).not.toContain('allotment');

    // An explicit save is still one entry each time, and signing records its own.
    expect((await p.api.put(`/api/notes/${draft.id}`, { text: `${text}.` })).statusCode).toBe(204);
    expect((await p.api.post(`/api/notes/${draft.id}/sign`)).statusCode).toBe(204);
    expect(await noteEntries()).toEqual(['note.create', 'note.edit', 'note.sign']);
  });

  it('refuses an automatic save into a signed note, so a late save from another tab changes nothing', async () => {
    const signed = (await p.api.post(`/api/clients/${p.clientId}/notes`, { kind: 'progress', text: 'Final words', sign: true })).json() as { id: string };
    const res = await p.api.put(`/api/notes/${signed.id}`, { text: 'Late autosave', autosave: true });
    expect(res.statusCode).toBe(409);
    const notes = (await p.api.get(`/api/clients/${p.clientId}/notes`)).json() as { text: string }[];
    expect(notes[0].text).toBe('Final words');
  });

  it('concurrent automatic saves of the same draft leave one of the texts and no extra entries', async () => {
    const draft = (await p.api.post(`/api/clients/${p.clientId}/notes`, { kind: 'progress', text: 'Start', sign: false })).json() as { id: string };
    const texts = ['Start one', 'Start two', 'Start three'];
    const results = await Promise.all(texts.map((t) => p.api.put(`/api/notes/${draft.id}`, { text: t, autosave: true })));
    expect(results.map((r) => r.statusCode)).toEqual([204, 204, 204]);
    const notes = (await p.api.get(`/api/clients/${p.clientId}/notes`)).json() as { text: string }[];
    expect(texts).toContain(notes[0].text);
    expect(await noteEntries()).toEqual(['note.create']);
  });
});
