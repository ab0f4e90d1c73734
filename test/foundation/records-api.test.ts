import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';

describe('records through the API', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('adds a client, writes and signs a note, and shows both in the access history', async () => {
    const created = await api.post('/api/clients', { name: 'Jordan Avery', dob: '1988-04-12', email: 'jordan@example.com' });
    expect(created.statusCode).toBe(201);
    const { id, caseCode } = created.json() as { id: string; caseCode: string };
    expect(caseCode).toMatch(/^C-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const note = await api.post(`/api/clients/${id}/notes`, { kind: 'progress', text: 'Explored sleep and work stress.' });
    expect(note.statusCode).toBe(201);
    const noteId = (note.json() as { id: string }).id;
    expect((await api.put(`/api/notes/${noteId}`, { text: 'Explored sleep, work stress and family.' })).statusCode).toBe(204);
    expect((await api.post(`/api/notes/${noteId}/sign`)).statusCode).toBe(204);

    const edit = await api.put(`/api/notes/${noteId}`, { text: 'changed after signing' });
    expect(edit.statusCode).toBe(409);
    expect((edit.json() as { error: { code: string } }).error.code).toBe('conflict');

    expect((await api.post(`/api/notes/${noteId}/addenda`, { text: 'Correction: the session ran 60 minutes.' })).statusCode).toBe(201);

    const record = (await api.get(`/api/clients/${id}/record`)).json() as { client: { identity: { name: string } }; notes: { text: string; status: string; addenda: unknown[] }[] };
    expect(record.client.identity.name).toBe('Jordan Avery');
    expect(record.notes[0]).toMatchObject({ text: 'Explored sleep, work stress and family.', status: 'signed' });
    expect(record.notes[0].addenda).toHaveLength(1);

    const log = (await api.get(`/api/clients/${id}/access-log`)).json() as { action: string; actorName: string }[];
    const actions = log.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['client.create', 'note.create', 'note.edit', 'note.sign', 'note.addendum', 'record.open']));
    expect(log.find((e) => e.action === 'note.sign')?.actorName).toBe('Alex Morgan');
  });

  it('names the field on bad input and refuses unknown keys and wrong content types', async () => {
    const missing = await api.post('/api/clients', { dob: '1990-01-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'invalid_input', field: 'name' } });

    const unknown = await api.post('/api/clients', { name: 'A Person', shoeSize: 9 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'invalid_input', field: 'shoeSize' } });

    const badDate = await api.post('/api/clients', { name: 'A Person', dob: '1990-02-30' });
    expect(badDate.json()).toMatchObject({ error: { field: 'dob' } });

    const text = await api.call('POST', '/api/clients', undefined, { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);

    const broken = await api.call('POST', '/api/clients', undefined, { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
  });

  it('refuses state-changing requests from another origin', async () => {
    const res = await api.call('POST', '/api/clients', { name: 'X Y' }, { origin: 'https://evil.example', 'content-type': 'application/json' });
    expect(res.statusCode).toBe(403);
  });

  it('answers 503 sealed on data endpoints until the vault is unlocked', async () => {
    ctx.vault.seal();
    const res = await api.get('/api/clients');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'sealed' } });
    expect((await api.get('/api/health')).json()).toMatchObject({ vault: 'sealed' });
    expect((await api.post('/api/vault/unseal', { passphrase: 'wrong passphrase entirely' })).statusCode).toBe(400);
    expect((await api.post('/api/vault/unseal', { passphrase: 'test vault passphrase long enough' })).statusCode).toBe(200);
    expect((await api.get('/api/clients')).statusCode).toBe(200);
  });

  it('serves an OpenAPI document describing the routes', async () => {
    const doc = (await api.get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/clients', '/api/clients/{id}/notes', '/api/notes/{id}/sign']));
  });
});
