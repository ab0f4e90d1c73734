import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { type Colleague, addColleague, auditRows } from '../staff/support.js';

/**
 * A supervisor sees their supervisees, the anonymised material shared with them and nothing
 * identifying, never a supervisee's client record; their own notes are private to them; and all
 * of it stops when the supervision ends. On SQLite, or PostgreSQL with TEST_PG_URL.
 */
const IDENTITY = { name: 'Philippa Vandersloot', dob: '1979-06-30', phone: '07700 900777' };
const NOTE = 'Philippa Vandersloot spoke about her brother and the move. Philippa was tearful at the end.';
const RESIDUAL = { occupation: 'absent', event: 'absent', place: 'absent', age: 'absent', condition: 'absent' };
const share = (extra: Record<string, unknown>) => ({
  recipientKind: 'supervisor', purpose: 'Supervision of grief work with Philippa Vandersloot', form: 'text',
  consent: { answer: 'not_needed', reason: 'Anonymised; Philippa agreed to supervision at contracting.' }, residual: RESIDUAL, ...extra,
});

describe('supervision: supervisees, shared material and private notes', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let admin: ApiClient;
  let ann: Colleague; // practitioner, supervised
  let sue: Colleague; // Ann's supervisor
  let sid: Colleague; // another supervisor
  let clientId: string;
  let caseCode: string;
  let supervisionId: string;

  /** Ann anonymises her note, accepts every change and shares it as asked. */
  const anonymiseAndShare = async (body: Record<string, unknown>) => {
    const notes = (await ann.api.get(`/api/clients/${clientId}/notes`)).json() as { items?: { id: string }[] } | { id: string }[];
    const noteId = (Array.isArray(notes) ? notes : notes.items ?? [])[0].id;
    const d = (await ann.api.post(`/api/clients/${clientId}/sharing/drafts`, { noteIds: [noteId] })).json() as { id: string; parts: { spans: { id: string; decision: string }[] }[] };
    for (const s of d.parts.flatMap((p) => p.spans)) await ann.api.put(`/api/sharing/drafts/${d.id}/spans/${s.id}`, { decision: 'accepted' });
    return ann.api.post(`/api/sharing/drafts/${d.id}/share`, share(body));
  };
  const identifying = () => [IDENTITY.name, 'Philippa', 'Vandersloot', clientId, caseCode];

  beforeAll(async () => {
    ctx = await testContext();
    ({ app, api: admin } = await setUpPractice(ctx));
    ann = await addColleague(ctx, app, admin);
    sue = await addColleague(ctx, app, admin, ['supervisor']);
    sid = await addColleague(ctx, app, admin, ['supervisor']);
    ({ id: clientId, caseCode } = (await ann.api.post('/api/clients', IDENTITY)).json() as { id: string; caseCode: string });
    expect((await ann.api.post(`/api/clients/${clientId}/notes`, { kind: 'progress', text: NOTE, sign: true })).statusCode).toBe(201);
    const sup = await admin.post('/api/supervision', { holderId: sue.id, subjectId: ann.id, startsOn: null, endsOn: null, reason: 'Monthly clinical supervision' });
    expect(sup.statusCode).toBe(201);
    supervisionId = (sup.json() as { id: string }).id;
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('a practitioner shares with one of their supervisors today, and only with them', async () => {
    expect((await ann.api.get('/api/supervision/supervisors')).json()).toEqual([{ id: sue.id, name: sue.displayName }]);
    const wrong = await anonymiseAndShare({ recipientUserId: sid.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ field: 'recipientUserId' });
    // Free text still works for other kinds; a staff supervisor is only for supervision.
    expect((await anonymiseAndShare({ recipientKind: 'peer_group', recipient: 'Tuesday peer group', recipientUserId: sue.id })).statusCode).toBe(400);
    const peer = await anonymiseAndShare({ recipientKind: 'peer_group', recipient: 'Tuesday peer group' });
    expect(peer.statusCode).toBe(201);
    expect(peer.json()).toMatchObject({ recipient: 'Tuesday peer group', recipientUserId: null });

    const ok = await anonymiseAndShare({ recipientUserId: sue.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ recipientUserId: sue.id, recipient: sue.displayName });
  });

  it('the supervisor sees their supervisee and only the material shared with them, de-identified', async () => {
    const supervisees = (await sue.api.get('/api/supervision/supervisees')).json() as { id: string; name: string; since: string }[];
    expect(supervisees).toEqual([{ id: ann.id, name: ann.displayName, since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);

    const list = await sue.api.get('/api/supervision/shared');
    expect(list.statusCode).toBe(200);
    const items = list.json() as { id: string; superviseeId: string; text: string; consent: { answer: string; words: string } }[];
    expect(items).toHaveLength(1); // not the peer-group share
    expect(items[0]).toMatchObject({ superviseeId: ann.id, consent: { answer: 'not_needed' } });
    expect(items[0].text).toMatch(/tearful/);
    const one = await sue.api.get(`/api/supervision/shared/${items[0].id}`);
    expect(one.statusCode).toBe(200);
    for (const body of [list.body, one.body, (await sue.api.get('/api/supervision/supervisees')).body]) {
      for (const leak of identifying()) expect(body).not.toContain(leak);
    }

    // Another supervisor sees none of it, and the item reads as missing.
    expect((await sid.api.get('/api/supervision/shared')).json()).toEqual([]);
    expect((await sid.api.get(`/api/supervision/shared/${items[0].id}`)).statusCode).toBe(404);

    // Each read is audited against the case, so the client's access history shows it.
    await ctx.audit.flush();
    const reads = (await auditRows(ctx, 'supervision.shared.read')).filter((r) => r.actor_id === sue.id);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((r) => r.case_code === caseCode && r.target_id === items[0].id)).toBe(true);
    const history = (await ann.api.get(`/api/clients/${clientId}/access-history?limit=200`)).json() as { items: { action: string; actorId: string }[] };
    expect(history.items).toContainEqual(expect.objectContaining({ action: 'supervision.shared.read', actorId: sue.id }));
  });

  it('the supervisor cannot open the supervisee’s client record, notes or sharing record', async () => {
    const items = (await sue.api.get('/api/supervision/shared')).json() as { id: string }[];
    const notFound = (await sue.api.get(`/api/clients/${clientId}`)).json();
    expect((await sue.api.get(`/api/clients/${clientId}`)).statusCode).toBe(404);
    expect((await sue.api.get(`/api/clients/${clientId}/notes`)).statusCode).toBe(404);
    const rec = await sue.api.get(`/api/sharing/records/${items[0].id}`);
    expect(rec.statusCode).toBe(404);
    expect(rec.json().error.message).toBe(notFound.error.message);
    // Supervision routes are for supervisors only.
    expect((await ann.api.get('/api/supervision/shared')).statusCode).toBe(403);
    expect((await admin.get('/api/supervision/supervisees')).statusCode).toBe(403);
  });

  it('supervision notes are private to their author', async () => {
    expect((await sue.api.post(`/api/supervision/supervisees/${ann.id}/notes`, { text: '   ' })).statusCode).toBe(400);
    const add = await sue.api.post(`/api/supervision/supervisees/${ann.id}/notes`, { text: 'Ann is carrying a heavy grief caseload; review in a month.' });
    expect(add.statusCode).toBe(201);
    const mine = (await sue.api.get(`/api/supervision/supervisees/${ann.id}/notes`)).json() as { text: string }[];
    expect(mine.map((n) => n.text)).toEqual(['Ann is carrying a heavy grief caseload; review in a month.']);
    // Sealed at rest.
    const row = await ctx.db.kysely.selectFrom('supervision_notes').selectAll().executeTakeFirstOrThrow();
    expect(row.text_enc).not.toContain('grief');

    // Someone who does not supervise Ann: 404; once they do, they still read only their own notes.
    expect((await sid.api.get(`/api/supervision/supervisees/${ann.id}/notes`)).statusCode).toBe(404);
    expect((await sid.api.post(`/api/supervision/supervisees/${ann.id}/notes`, { text: 'x' })).statusCode).toBe(404);
    expect((await admin.post('/api/supervision', { holderId: sid.id, subjectId: ann.id, startsOn: null, endsOn: null, reason: 'Second opinion' })).statusCode).toBe(201);
    expect((await sid.api.get(`/api/supervision/supervisees/${ann.id}/notes`)).json()).toEqual([]);
    // Neither the supervisee nor the admin reads them.
    expect((await ann.api.get(`/api/supervision/supervisees/${ann.id}/notes`)).statusCode).toBe(403);
    expect((await admin.get(`/api/supervision/supervisees/${ann.id}/notes`)).statusCode).toBe(403);
  });

  it('when supervision ends, the supervisor sees no new material and nothing is shared with them', async () => {
    expect((await admin.post(`/api/supervision/${supervisionId}/end`, {})).statusCode).toBe(200);
    expect((await sue.api.get('/api/supervision/supervisees')).json()).toEqual([]);
    expect((await sue.api.get('/api/supervision/shared')).json()).toEqual([]);
    expect((await ann.api.get('/api/supervision/supervisors')).json()).toEqual([{ id: sid.id, name: sid.displayName }]);
    const late = await anonymiseAndShare({ recipientUserId: sue.id });
    expect(late.statusCode).toBe(400);
    expect((await sue.api.get('/api/supervision/shared')).json()).toEqual([]);
    // Their own notes stay theirs to read, but no new ones are added.
    expect((await sue.api.get(`/api/supervision/supervisees/${ann.id}/notes`)).json()).toHaveLength(1);
    expect((await sue.api.post(`/api/supervision/supervisees/${ann.id}/notes`, { text: 'After the end' })).statusCode).toBe(404);
  });
});
