/**
 * The one way the web app talks to the server. Every call is JSON, same-origin, with the
 * session cookie. Failures become an ApiError carrying the server's stable code, message and
 * (for validation errors) the field, so forms can tie the message to the right input.
 *
 * Two failures change what the whole app shows, so they are broadcast rather than handled by
 * each page: 401 (the session ended: sign in again) and 503 "sealed" (the vault was locked).
 */

import type { ResponseOf } from './api/contract.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type GateEvent = 'unauthenticated' | 'sealed';
type GateListener = (event: GateEvent) => void;
const listeners = new Set<GateListener>();

/** App subscribes here to switch to the sign-in or unlock screen. */
export function onGate(listener: GateListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestOptions {
  /** Handle 401 in the caller (sign-in itself, the first "who am I" check). */
  quiet?: boolean;
  signal?: AbortSignal;
}

const FALLBACK = 'Something went wrong. Nothing was changed; please try again.';

let lastRequestAt = Date.now();
/** When the server last heard from this tab: its idle timeout counts from here. */
export const lastServerContact = () => lastRequestAt;

async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Sanctum could not be reached. Check that it is running, then try again.');
  }
  lastRequestAt = Date.now();
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const e = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  const error = new ApiError(res.status, e?.code ?? 'internal', e?.message ?? FALLBACK, e?.field);
  if (res.status === 401 && !opts.quiet) listeners.forEach((l) => l('unauthenticated'));
  if (res.status === 503 && error.code === 'sealed') listeners.forEach((l) => l('sealed'));
  throw error;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body: unknown = {}, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
};

/** A message fit to show a person: never a stack trace, never raw internals. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : FALLBACK;
}

// ---- Shapes the server returns ----

// Read from the server's OpenAPI document (web/src/api/schema.d.ts): a change to one of these
// routes' schemas breaks this build.
export type Health = ResponseOf<'/api/health', 'get'>;
export type VaultState = Health['vault'];
export type Grant = ResponseOf<'/api/auth/me', 'get'>;
export type User = Grant['user'];
/** The second-factor secret to enrol; set-up also hands over the first recovery codes. */
export type TotpEnrolment = ResponseOf<'/api/auth/totp', 'get'> & Partial<Pick<ResponseOf<'/api/setup', 'post', 201>, 'recoveryCodes'>>;
export type CaseloadEntry = ResponseOf<'/api/clients', 'get'>[number];
export type ClientSummary = ResponseOf<'/api/clients/{id}', 'get'>;
export type ClientIdentity = ClientSummary['identity'];
export type ClientRecord = ResponseOf<'/api/clients/{id}/record', 'get'>;
export type Note = ClientRecord['notes'][number];
export type NoteKind = Note['kind'];
export type Addendum = Note['addenda'][number];
export type TherapySession = ResponseOf<'/api/clients/{id}/sessions', 'get'>[number];
export type AccessEvent = ResponseOf<'/api/clients/{id}/access-history', 'get'>['items'][number];
