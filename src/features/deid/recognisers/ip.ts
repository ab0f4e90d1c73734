import { isIPv4, isIPv6 } from 'node:net';
import { P, span, type Span } from '../deid.types.js';

/** IPv4 with valid octets, not glued to letters or digits. */
export function findIpv4(t: string): Span[] {
  // Both patterns need a dotted quad; dates like 18.3.24 have only three parts.
  if (!/\d\.\d{1,3}\.\d{1,3}\.\d/.test(t)) return [];
  const re = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\d)/g;
  const out: Span[] = [];
  for (const m of t.matchAll(re)) {
    if (isIPv4(m[0]) && !/^[A-Za-z]/.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 1)))
      out.push(span(m.index!, m.index! + m[0].length, 'IP', P.structured, 'ipv4'));
  }
  // An IPv4 address that follows letters and colons ("foo2001:db8::10.0.0.1") is still an address.
  for (const m of t.includes(':') ? t.matchAll(/(?<=[A-Za-z0-9]*:)(?:\d{1,3}\.){3}\d{1,3}(?!\d)/g) : []) {
    if (isIPv4(m[0])) out.push(span(m.index!, m.index! + m[0].length, 'IP', P.structured - 1, 'ipv4'));
  }
  return out;
}

const isHexish = (c: number) => (c >= 48 && c <= 58) || c === 46 || (c >= 65 && c <= 70) || (c >= 97 && c <= 102); // 0-9 : . A-F a-f
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * IPv6 (compressed, zoned, IPv4-mapped), validated by node:net rather than a regex. Candidates are
 * the runs of hex digits, colons and dots around each colon, read outwards from the colon: a
 * note has few colons, so this is far cheaper than trying a pattern at every position.
 */
export function findIpv6(t: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let colon = t.indexOf(':'); colon >= 0; colon = t.indexOf(':', from)) {
    let start = colon;
    while (start > 0 && isHexish(t.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < t.length && isHexish(t.charCodeAt(end))) end++;
    from = end;
    // The run must not continue a word ("Plan:", "foo2001:db8").
    if (start > 0 && (isAlnum(t.charCodeAt(start - 1)) || t[start - 1] === ':' || t[start - 1] === '.')) continue;
    if (t[end] === '%') {
      let z = end + 1;
      while (z < t.length && isAlnum(t.charCodeAt(z))) z++;
      if (z > end + 1) end = z;
    }
    let s = t.slice(start, end);
    if (/^[A-Za-z0-9]/.test(t.slice(end, end + 1))) continue;
    let ok = valid(s);
    if (!ok && /[.:]$/.test(s) && !s.endsWith('::')) {
      s = s.replace(/[.]$/, '');
      ok = valid(s);
    }
    if (ok) out.push(span(start, start + s.length, 'IP', P.structured, 'ipv6'));
  }
  return out;
}

function valid(s: string): boolean {
  const bare = s.replace(/%[0-9A-Za-z]+$/, '');
  if (!bare.includes('::') && (bare.match(/:/g) ?? []).length < 3) return false;
  return isIPv6(bare);
}

export const findIps = (t: string) => [...findIpv4(t), ...findIpv6(t)];
