import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTx } from '../../src/db/tx.js';
import { enableTotp } from '../../src/features/auth/auth.repository.js';
import { ApiClient, setUpPractice, signInClient } from '../support/api.js';
import { type TestContext, addStaff, testContext } from '../support/context.js';

describe('staff names', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testContext();
  });
  afterEach(async () => ctx.cleanup());

  it('gives any signed-in colleague the names of their own practice, and nothing else', async () => {
    const { app, api } = await setUpPractice(ctx);
    const practice = (await api.get('/api/practice')).json() as { id: string };
    const colleague = await addStaff(ctx, practice.id, ['practitioner']);
    await writeTx(ctx.db, (trx) => enableTotp(trx, colleague.principal.userId, 0));
    const other = await signInClient(ctx, app, colleague.email, colleague.totpSecret);

    const res = await other.get('/api/staff-names');
    expect(res.statusCode).toBe(200);
    const names = res.json() as Record<string, unknown>[];
    expect(names).toHaveLength(2);
    expect(names.map((n) => n.displayName)).toContain('Alex Morgan');
    expect(names.find((n) => n.id === colleague.principal.userId)).toBeTruthy();
    // Names only: no emails or roles for a non-admin.
    for (const n of names) expect(Object.keys(n).sort()).toEqual(['displayName', 'id']);
  });

  it('refuses anyone who is not signed in', async () => {
    const { app } = await setUpPractice(ctx);
    expect((await new ApiClient(app).get('/api/staff-names')).statusCode).toBe(401);
  });

  it('names the author of a note and its addendum', async () => {
    const { api } = await setUpPractice(ctx);
    const me = ((await api.get('/api/auth/me')).json() as { user: { id: string } }).user.id;
    const { id } = (await api.post('/api/clients', { name: 'Sam Reed' })).json() as { id: string };
    const note = (await api.post(`/api/clients/${id}/notes`, { kind: 'progress', text: 'First meeting.', sign: true })).json() as { id: string };
    expect((await api.post(`/api/notes/${note.id}/addenda`, { text: 'Date corrected.' })).statusCode).toBe(201);
    const record = (await api.get(`/api/clients/${id}/record`)).json() as { notes: { authorId: string; addenda: { authorId: string }[] }[] };
    const names = new Map(((await api.get('/api/staff-names')).json() as { id: string; displayName: string }[]).map((n) => [n.id, n.displayName]));
    expect(record.notes[0].authorId).toBe(me);
    expect(names.get(record.notes[0].authorId)).toBe('Alex Morgan');
    expect(names.get(record.notes[0].addenda[0].authorId)).toBe('Alex Morgan');
  });
});
