import { isIPv4, isIPv6 } from 'node:net';
import { P, span, type Span } from '../deid.types.js';

/** IPv4 with valid octets, not glued to letters or digits. */
export function findIpv4(t: string): Span[] {
  if (!/\d\.\d/.test(t)) return [];
  const re = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\d)/g;
  const out: Span[] = [];
  for (const m of t.matchAll(re)) {
    if (isIPv4(m[0]) && !/^[A-Za-z]/.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 1)))
      out.push(span(m.index!, m.index! + m[0].length, 'IP', P.structured, 'ipv4'));
  }
  // An IPv4 address that follows letters and colons ("foo2001:db8::10.0.0.1") is still an address.
  for (const m of t.matchAll(/(?<=[A-Za-z0-9]*:)(?:\d{1,3}\.){3}\d{1,3}(?!\d)/g)) {
    if (isIPv4(m[0])) out.push(span(m.index!, m.index! + m[0].length, 'IP', P.structured - 1, 'ipv4'));
  }
  return out;
}

/** IPv6 (compressed, zoned, IPv4-mapped), validated by node:net rather than a regex. */
export function findIpv6(t: string): Span[] {
  if (!t.includes(':')) return [];
  const re = /(?<![0-9A-Za-z:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[0-9A-Za-z]+)?/g;
  const out: Span[] = [];
  for (const m of t.matchAll(re)) {
    let s = m[0];
    const end = m.index! + s.length;
    if (/^[A-Za-z0-9]/.test(t.slice(end, end + 1))) continue;
    let ok = valid(s);
    if (!ok && /[.:]$/.test(s) && !s.endsWith('::')) {
      s = s.replace(/[.]$/, '');
      ok = valid(s);
    }
    if (ok) out.push(span(m.index!, m.index! + s.length, 'IP', P.structured, 'ipv6'));
  }
  return out;
}

function valid(s: string): boolean {
  const bare = s.replace(/%[0-9A-Za-z]+$/, '');
  if (!bare.includes('::') && (bare.match(/:/g) ?? []).length < 3) return false;
  return isIPv6(bare);
}

export const findIps = (t: string) => [...findIpv4(t), ...findIpv6(t)];
