import type { ApiClient } from '../support/api.js';
import type { Seed } from './seed.js';

/**
 * Requests built from the served OpenAPI document, for the authorisation sweeps: every published
 * operation, its path filled with practitioner A's real ids (by the parameter's name, or for `id`
 * by the collection before it), and a minimal body that passes the schema, carrying A's ids
 * wherever a property names one.
 */
export type Schema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; minItems?: number; minLength?: number; pattern?: string; minimum?: number; format?: string };
export type Param = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
/** Who calls: a label, their signed-in client (or none), and their user id. */
export type Caller = { label: string; api: ApiClient; id: string | null };

export const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

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
      // Moving care to A: asks only whether the caller may move care at all (moving it to oneself is the second-person rule's, tested apart).
      if (name === 'toUserId') return ids.userId;
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
export const runsLast = (path: string) => /^\/api\/(auth|me|setup|vault)\b/.test(path);


export interface OpenApiDoc {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

export interface SweepOperation {
  path: string;
  method: (typeof METHODS)[number];
  op: Operation;
  /** "GET /api/clients/{id}": how the outcome table names it. */
  key: string;
}

/** Every operation, those that end the caller's own session last. */
export function operationsOf(doc: OpenApiDoc): SweepOperation[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => METHODS.filter((m) => ops[m]).map((method) => ({ path, method, op: ops[method] as Operation, key: `${method.toUpperCase()} ${path}` })))
    .sort((x, y) => Number(runsLast(x.path)) - Number(runsLast(y.path)));
}

/** The URL and body one caller sends for an operation. */
export function requestFor(o: SweepOperation, ids: Seed['ids'], seq: number, caller: Caller): { url: string; body: unknown } {
  const params = o.op.parameters ?? [];
  let url = o.path;
  for (const p of params.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(pathValue(o.path, p.name, p.schema, ids)));
  const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name, { ids, seq, caller })))}`);
  if (query.length) url += `?${query.join('&')}`;
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema ? sample(bodySchema, '', { ids, seq, caller }) : o.method === 'get' ? undefined : {};
  return { url, body };
}
