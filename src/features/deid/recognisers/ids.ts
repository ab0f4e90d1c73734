import { P, span, type Span } from '../deid.types.js';
import { itinValid, luhnValid, nhsValid, ninoValid, ssnValid, ukLicenceValid } from './checksums.js';

/** Collect regex matches that pass a validator, as ID spans. */
function scan(text: string, re: RegExp, ok: (m: string, at: number) => boolean, source: string, prio: number = P.checksum): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (ok(m[0], at)) out.push(span(at, at + m[0].length, 'ID', prio, source));
  }
  return out;
}

const before = (text: string, at: number, n = 30) => text.slice(Math.max(0, at - n), at).toLowerCase();

export const findNhs = (t: string) =>
  scan(t, /(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])/g, (m, at) => nhsValid(m) || /\bnhs\b/.test(before(t, at)), 'nhs');

export const findNino = (t: string) =>
  scan(t, /(?<![\w])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])/gi, ninoValid, 'nino');

export const findSsn = (t: string) => scan(t, /(?<![\w.-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\w-]|\.\d)/g, ssnValid, 'ssn');

export const findItin = (t: string) => scan(t, /(?<![\w.-])9\d{2}[- ]?\d{2}[- ]?\d{4}(?![\w-])/g, itinValid, 'itin');

/** Card numbers: Luhn, and an issuer prefix (2-6; 1 only for 15-digit UATP cards). */
export const findCards = (t: string) =>
  scan(t, /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])/g, (m) => luhnValid(m) && (/^[2-6]/.test(m) || (m[0] === '1' && m.replace(/\D/g, '').length === 15)), 'card');

export const findUkPassport = (t: string) => scan(t, /(?<![\w])[A-Z]{2}\d{7}(?![\w])/gi, () => true, 'uk-passport');

/** US passports: nine digits, or a letter and eight digits (the next-generation book). */
export const findUsPassport = (t: string) =>
  scan(t, /(?<![\w])(?:[A-Z]\d{8}|\d{9})(?![\w])/g, () => true, 'us-passport', P.generic + 5);

export const findUkLicence = (t: string) =>
  scan(t, /(?<![\w])[A-Z][A-Z9]{4}\d{6}[A-Z9]{2}\d[A-Z]{2}(?![\w])/gi, ukLicenceValid, 'uk-licence');

/** US state licences vary (a letter and 7-12 digits, or 9-13 digits); only the bare shapes here. */
export const findUsLicence = (t: string) =>
  scan(t, /(?<![\w])(?:[A-Z]\d{7,12}|\d{9,13})(?![\w])/g, () => true, 'us-licence', P.generic + 5);

const CONTEXT =
  /\b(?:mrn|hospital (?:no|number)|nhs (?:no|number)|record (?:no|number)|patient (?:id|no|number)|case (?:no|number|ref(?:erence)?)|client (?:id|no|number)|member(?:ship)? (?:id|no|number)|policy (?:no|number)|account (?:no|number)|sort code|licen[cs]e(?: (?:no|number))?|passport(?: (?:no|number))?|ni (?:no|number)|national insurance(?: (?:no|number))?|ssn|social security(?: (?:no|number))?|reference(?: (?:no|number))?|ref(?: no)?|id(?: (?:no|number))?|claim (?:no|number)|crime (?:no|number|ref(?:erence)?)|student (?:id|no|number)|employee (?:id|no|number)|staff (?:id|no|number)|tax id|ein|itin|npi|medicaid(?: id)?|medicare(?: (?:id|no|number))?)\b\.?(?: is| was|:|#|\s)*/gi;

/** Record, reference and account numbers, found by the words before them. */
export function findRecordNumbers(t: string): Span[] {
  const out: Span[] = [];
  for (const m of t.matchAll(CONTEXT)) {
    const at = (m.index ?? 0) + m[0].length;
    const v = /^[A-Z0-9][A-Z0-9/-]{3,24}(?![\w])/i.exec(t.slice(at, at + 30));
    if (v && /\d/.test(v[0]) && (v[0].match(/\d/g) ?? []).length >= 3) {
      const value = v[0].replace(/[-/]+$/, '');
      out.push(span(at, at + value.length, 'ID', P.structured, 'record-number'));
    }
  }
  return out;
}

/** Any unexplained run of nine or more digits is treated as an identifier (recall first). */
export const findLongNumbers = (t: string) =>
  scan(t, /(?<![\w.,£$€])\d{9,}(?![\w]|[.,]\d)/g, () => true, 'long-number', P.generic);

/** Cheap gates: most notes hold no long digit runs, so most ID patterns need not run at all. */
export function findIds(t: string): Span[] {
  if (!/\d\d/.test(t)) return findRecordNumbers(t);
  // Letter-led shapes are gated on their digit run, which a plain scan finds quickly.
  const nino = /\d\d ?\d\d ?\d\d ?[A-Da-d]/.test(t) ? findNino(t) : [];
  const long = /\d{6}/.test(t);
  if (!long) return [...nino, ...findSsn(t), ...findItin(t), ...findNhs(t), ...findCards(t), ...findRecordNumbers(t)];
  return [
    ...findNhs(t), ...nino, ...findSsn(t), ...findItin(t), ...findCards(t),
    ...(/\d{7}/.test(t) ? findUkPassport(t) : []),
    ...(/\d{8}/.test(t) ? findUsPassport(t) : []),
    ...(/\d{6}[A-Za-z9]{2}\d[A-Za-z]{2}/.test(t) ? findUkLicence(t) : []),
    ...(/\d{7}/.test(t) ? findUsLicence(t) : []),
    ...findRecordNumbers(t), ...findLongNumbers(t),
  ];
}
