import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/features/retention/retention.test-helpers.js';
import { ApiClient } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { MARK, type Seed, seedPractice } from './seed.js';

/**
 * Every operation in the served OpenAPI document, called by three people who are not
 * practitioner A — nobody signed in, practitioner B, and an admin-only account — with A's real
 * ids in the path and the body. None of A's client's details may come back. A route added later
 * is swept the moment it is published.
 *
 * What the admin-only account is entitled to see (admin routes document it): A's client id and
 * case code (moving care, the breach register, retention and holds, the erasure that ends a
 * case all work by them) and the breach register's own summary text (the admin keeps the
 * register). Never the client's name or contact details, nor any clinical or free text — with
 * one documented exception: the breach notification letter to an affected client
 * (GET /api/breaches/{id}/letters/{clientId}), which the register's keeper prints and posts, so
 * it carries the client's name and address (and nothing clinical).
 * Signing links (/api/sign/{token}) are reached by the link's secret, not a session: they are
 * called with a made-up token.
 */

type Schema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; minItems?: number; minLength?: number; pattern?: string; minimum?: number; format?: string };
type Param = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Caller = { label: 'nobody' | 'practitioner B' | 'admin only'; api: ApiClient; id: string | null };

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Which of A's ids a path parameter names: by its own name, or for `id` by the collection before it. */
function pathValue(path: string, name: string, schema: Schema | undefined, ids: Seed['ids']): string {
  if (name === 'token') return 'made-up-signing-token-0000000000';
  if (schema?.enum?.length) return String(schema.enum[0]);
  const direct: Record<string, string | undefined> = { clientId: ids.clientId, agreementId: ids.agreementId, documentId: ids.documentId, caseCode: ids.caseCode };
  if (name !== 'id') return direct[name] ?? PLACEHOLDER;
  const before = path.split(`/{${name}}`)[0].split('/').pop();
  const byCollection: Record<string, string | undefined> = {
    clients: ids.clientId, notes: ids.noteId, documents: ids.documentId, breaches: ids.breachId, drafts: ids.shareDraftId, users: ids.userId,
    requests: path.startsWith('/api/sar/') ? ids.sarId : ids.requestId,
  };
  return byCollection[before ?? ''] ?? PLACEHOLDER;
}

/** A minimal body that passes the schema, carrying A's ids wherever a property names one. */
function sample(s: Schema | undefined, name: string, ctx: { ids: Seed['ids']; seq: number; caller: Caller }): unknown {
  if (!s) return 'x';
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? null;
  const ids = ctx.ids;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // Required properties, and any optional one that names clients: those are the ones that can leak.
      const keys = [...(s.required ?? []), ...Object.keys(s.properties ?? {}).filter((k) => /^clientIds?$/.test(k) && !(s.required ?? []).includes(k))];
      for (const key of keys) out[key] = sample(s.properties?.[key], key, ctx);
      return out;
    }
    case 'array': {
      if (/clientIds|remove/.test(name)) return [ids.clientId];
      if (/noteIds/.test(name)) return [ids.noteId];
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name, ctx));
    }
    case 'integer':
    case 'number':
      return /seq/i.test(name) ? ctx.seq : Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    default: {
      if (name === 'toUserId') return ctx.caller.id ?? ids.userId;
      const byName: [RegExp, string][] = [
        [/^(participant)?clientId$/i, ids.clientId], [/caseCode|confirm/i, ids.caseCode], [/^noteId$/, ids.noteId], [/^sessionId$/, ids.sessionId],
        [/userId$/i, ids.userId], [/^documentId$/, ids.documentId], [/^agreementId$/, ids.agreementId],
      ];
      for (const [re, v] of byName) if (re.test(name)) return v;
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || /On$|^date$|Date$/.test(name)) return '2026-11-01';
      if (/At$|^at$/.test(name)) return '2026-11-01T09:00:00Z';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    }
  }
}

/** Routes that end or change the caller's own session run last, so the sweep keeps its callers signed in. */
const runsLast = (path: string) => /^\/api\/(auth|me|setup|vault)\b/.test(path);

describe('authorisation sweep over every published operation', () => {
  let ctx: TestContext;
  let seed: Seed;
  let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

  beforeAll(async () => {
    ctx = await testContext();
    seed = await seedPractice(ctx);
    doc = (await seed.lead.get('/api/openapi.json')).json() as typeof doc;
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  it('answers nobody, practitioner B and the admin-only account without any of A’s client’s details, and never with a 500', async () => {
    const { ids } = seed;
    const everywhere = [MARK.name, MARK.email, MARK.phone, MARK.address, MARK.note, MARK.draft, MARK.addendum, MARK.letter, MARK.fileName, MARK.request, MARK.share];
    const forbiddenFor: Record<Caller['label'], string[]> = {
      nobody: [...everywhere, MARK.breach, ids.clientId, ids.caseCode],
      'practitioner B': [...everywhere, MARK.breach, ids.clientId, ids.caseCode],
      'admin only': everywhere,
    };
    const callers: Caller[] = [
      { label: 'nobody', api: new ApiClient(seed.app), id: null },
      { label: 'practitioner B', api: seed.b.api, id: seed.b.id },
      { label: 'admin only', api: seed.office.api, id: seed.office.id },
    ];
    const operations = Object.entries(doc.paths)
      .flatMap(([path, ops]) => METHODS.filter((m) => ops[m]).map((method) => ({ path, method, op: ops[method] as Operation })))
      .sort((x, y) => Number(runsLast(x.path)) - Number(runsLast(y.path)));
    expect(operations.length).toBeGreaterThan(100);

    const problems: string[] = [];
    for (const caller of callers) {
      for (const { path, method, op } of operations) {
        const params = op.parameters ?? [];
        let url = path;
        for (const p of params.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(pathValue(path, p.name, p.schema, ids)));
        const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name, { ids, seq: seed.seq, caller })))}`);
        if (query.length) url += `?${query.join('&')}`;
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const body = bodySchema ? sample(bodySchema, '', { ids, seq: seed.seq, caller }) : method === 'get' ? undefined : {};
        const res = await caller.api.call(method.toUpperCase() as 'GET', url, body);
        const where = `${caller.label} ${method.toUpperCase()} ${path} → ${res.statusCode}`;
        if (res.statusCode >= 500) problems.push(`${where}: ${res.body.slice(0, 200)}`);
        const isPdf = res.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-';
        const text = isPdf ? pdfText(res.rawPayload) : res.body;
        const letter = caller.label === 'admin only' && path === '/api/breaches/{id}/letters/{clientId}';
        for (const marker of forbiddenFor[caller.label]) {
          if (letter && (marker === MARK.name || marker === MARK.address)) continue;
          if (text.includes(marker)) problems.push(`${where}: reveals "${marker}"`);
        }
        if (process.env.SWEEP_LOG) console.log(where);
        // Not theirs must read exactly as not there: the same call with made-up ids answers the same.
        const carries = Object.values(ids).some((v) => url.includes(v) || JSON.stringify(body ?? '').includes(v));
        if (caller.label === 'practitioner B' && carries) {
          const made = (t: string) => Object.values(ids).reduce((acc, v) => acc.split(v).join(PLACEHOLDER), t);
          const twin = await caller.api.call(method.toUpperCase() as 'GET', made(url), body === undefined ? undefined : JSON.parse(made(JSON.stringify(body))));
          const created = res.statusCode < 300 && twin.statusCode < 300;
          if (twin.statusCode !== res.statusCode || (!created && twin.body !== res.body)) problems.push(`${where}: answers A's ids differently from made-up ones (${twin.statusCode}) ${res.body} / ${twin.body}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
