import { P, span, type Span } from '../deid.types.js';

const TLDS = new Set(
  ('com org net edu gov mil int info biz io co uk us ca au nz ie de fr es it nl be ch at se no dk fi pl pt cz sk hu ' +
    'ro gr tr ru ua il in cn jp kr sg hk za ng ke br mx ar cl eu me tv ai app dev site online shop store blog tech ' +
    'xyz club page live life health nhs ac sch gov.uk vlaanderen webcam london scot wales cymru nyc la email cloud ' +
    'ly is to fm so gg je im ws cc ph my id vn th pk bd lk ae sa qa eg ma tn').split(' '),
);

/** Email addresses, including internationalised (punycode) domains. */
export function findEmails(t: string): Span[] {
  if (!t.includes('@')) return [];
  const re = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]+)(?![\w-])/g;
  return [...t.matchAll(re)].map((m) => span(m.index!, m.index! + m[0].length, 'EMAIL', P.structured, 'email'));
}

const TRAIL = /[.,;:!?)\]}'"’”]+$/;

/** URLs with a scheme or www., and bare domains with a known top-level domain. */
export function findUrls(t: string): Span[] {
  const out: Span[] = [];
  const push = (at: number, raw: string) => {
    let s = raw.replace(TRAIL, '');
    if (raw.endsWith(')') && s.includes('(')) s += ')';
    if (s.length > 4) out.push(span(at, at + s.length, 'URL', P.structured, 'url'));
  };
  for (const m of t.includes('://') ? t.matchAll(/\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi) : []) {
    if (/^[a-z]+:\/\/(?:\[[0-9a-f:.]+\]|[^/\s]*\.[^/\s]*)/i.test(m[0])) push(m.index!, m[0]);
  }
  // A domain needs a dot between a letter or digit and two letters; prose rarely has one.
  if (!/[A-Za-z0-9]\.[A-Za-z]{2}/.test(t)) return out;
  for (const m of t.matchAll(/(?<![\w@/.-])(?:www\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?:\/[^\s<>"'`]*)?/g)) {
    const host = m[0].split('/')[0].toLowerCase();
    const labels = host.split('.');
    const tld = labels[labels.length - 1];
    if (!TLDS.has(tld)) continue;
    if (labels.length < 2 || labels.slice(0, -1).some((l) => l.length < 1)) continue;
    if (labels[0] !== 'www' && labels[0].length < 2) continue;
    if (labels.length === 2 && labels[0] === 'www') continue;
    push(m.index!, m[0]);
  }
  return out;
}
