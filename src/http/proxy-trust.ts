import { isIP } from 'node:net';
import { invalidInput } from '../core/errors.js';

/**
 * Which X-Forwarded-For entries to believe. `true` (believe any) would let a client name its own
 * address and walk around every per-source limit, so only two forms are accepted: a number of
 * proxy hops in front of the server, or the proxies' own addresses and ranges. Fastify then
 * derives request.ip (the key of every per-source limit) and the protocol from what they vouch for.
 */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for well-known ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

const explain = 'expected a number of proxy hops (such as 1) or the proxies\' addresses and ranges (such as 10.0.0.1,10.0.0.0/8)';

function validAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * From the `--trust-proxy` flag or SANCTUM_TRUST_PROXY: absent or "0" trusts nothing; a bare flag
 * (`true`) means one hop, as it did before addresses could be given.
 */
export function parseTrustProxy(value: string | boolean | undefined): TrustProxy {
  if (value === undefined || value === false) return false;
  if (value === true) return 1;
  const text = value.trim();
  if (text === '' || text === '0' || text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw invalidInput('trust-proxy', `at most ${MAX_HOPS} proxy hops; ${explain}`);
    return hops;
  }
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = entries.find((e) => !validAddress(e));
  if (bad !== undefined || !entries.length) throw invalidInput('trust-proxy', `"${bad ?? text}" is not an address or range; ${explain}`);
  return entries;
}

/** Fastify's form: a hop count becomes "believe the nearest n addresses" (what Fastify does for a number). */
export const fastifyTrust = (t: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) =>
  typeof t === 'number' ? (t === 0 ? false : (_address: string, hop: number) => hop < t) : t;
