import type { FastifyInstance } from 'fastify';
import { type ApiClient, setUpPractice } from '../support/api.js';
import type { TestContext } from '../support/context.js';
import { type Colleague, addColleague } from '../staff/support.js';

/**
 * What practitioner A's records say, written so that any of it can be found in a response:
 * identity, clinical text and free text from each feature that holds some.
 */
export const MARK = {
  name: 'Wilhelmina Quarrington-Vale',
  email: 'w.quarrington@example.net',
  phone: '07700 900461',
  address: '14 Lighthouse Row',
  note: 'MARKER-NOTE spoke about the lighthouse dream',
  draft: 'MARKER-DRAFT the argument with her brother',
  addendum: 'MARKER-ADDENDUM date of the first session corrected',
  letter: 'MARKER-LETTER Dear Dr Okonjo, she has attended six sessions.',
  fileName: 'marker-scan.png',
  request: 'MARKER-REQUEST copies of her notes for an investigation',
  breach: 'MARKER-BREACH her file was read by someone who should not have',
  share: 'MARKER-SHARE summary for her GP',
} as const;

export interface Seed {
  app: FastifyInstance;
  lead: ApiClient;
  a: Colleague;
  b: Colleague;
  office: Colleague;
  /** A's real ids, by the name a path or body would give them. */
  ids: Record<string, string>;
  /** An audit entry about A's client, for routes that take an entry number. */
  seq: number;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * One practice: a lead (admin and practitioner, holding nothing), practitioner A with a client
 * and something in every feature, practitioner B, and an admin-only account. All through the API.
 */
export async function seedPractice(ctx: TestContext): Promise<Seed> {
  const { app, api: lead } = await setUpPractice(ctx);
  const a = await addColleague(ctx, app, lead);
  const b = await addColleague(ctx, app, lead);
  const office = await addColleague(ctx, app, lead, ['admin']);
  const post = async (url: string, body: unknown = {}): Promise<Record<string, unknown>> => {
    const r = await a.api.post(url, body);
    if (r.statusCode >= 300) throw new Error(`seed ${url}: ${r.statusCode} ${r.body}`);
    return r.statusCode === 204 ? {} : (r.json() as Record<string, unknown>);
  };
  const client = await post('/api/clients', { name: MARK.name, email: MARK.email, phone: MARK.phone, address: MARK.address, dob: '1979-05-06' });
  const clientId = client.id as string;
  const c = `/api/clients/${clientId}`;
  const sessionId = (await post(`${c}/sessions`, { date: '2026-10-20' })).id as string;
  const noteId = (await post(`${c}/notes`, { kind: 'progress', text: MARK.note, sessionId, sign: true })).id as string;
  const draftId = (await post(`${c}/notes`, { kind: 'process', text: MARK.draft })).id as string;
  await post(`/api/notes/${noteId}/addenda`, { text: MARK.addendum });
  const letterId = (await post(`${c}/letters`, { title: 'Letter to GP', text: MARK.letter })).id as string;
  const documentId = (await post(`${c}/documents`, { kind: 'attachment', fileName: MARK.fileName, content: PNG.toString('base64') })).id as string;
  const agreementId = (await post(`${c}/consent/agreements`)).id as string;
  const requestId = (await post('/api/requests', {
    requesterType: 'police', clientId, asks: 'records', asked: MARK.request, authority: 'none',
    requester: { name: 'DC Marker Hughes', organisation: 'Metropolitan Police', role: 'Detective Constable', verifiedHow: 'Called the station back' },
  })).id as string;
  const sarId = (await post('/api/sar/requests', { clientId, right: 'access', receivedOn: '2026-11-01' })).id as string;
  const breachId = (await post('/api/breaches', {
    kind: 'unauthorised_access', summary: MARK.breach, reportedBy: 'Practitioner A', occurredAt: '2026-11-01T09:00:00Z', discoveredAt: '2026-11-01T10:00:00Z',
    categories: ['identity', 'progress_notes'], clientIds: [clientId],
  })).id as string;
  const shareDraftId = (await post(`${c}/sharing/drafts`, { noteIds: [noteId], summary: MARK.share })).id as string;
  await a.api.get(`${c}/record`);
  await ctx.audit.flush();
  const entry = await ctx.db.kysely.selectFrom('audit_log').select('seq').where('target_id', '=', clientId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  return {
    app, lead, a, b, office, seq: Number(entry.seq),
    ids: { clientId, caseCode: client.caseCode as string, sessionId, noteId, draftId, letterId, documentId, agreementId, requestId, sarId, breachId, shareDraftId, userId: a.id },
  };
}
