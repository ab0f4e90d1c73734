/**
 * The client's own recorded identifiers, handed to the engine so they are always caught however
 * the notes spell them: name and its parts, contact details, address and its lines, GP, date of
 * birth in the ways people write dates, and the people with parental responsibility.
 */
import type { KnownIdentifier } from '../deid/deid.js';
import type { ClientIdentity } from '../clients/clients.js';

export interface KnownPerson {
  name: string;
  phone?: string;
  email?: string;
  address?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORG_WORDS = /\b(?:surgery|practice|clinic|centre|center|medical|health|hospital|group|partnership)\b/i;
const TITLED = /^(?:dr|doctor|mr|mrs|ms|miss|mx|prof)\.?\s/i;

/** A recorded date of birth written the common ways: ISO, day/month/year, "12 March 1988", "March 12, 1988". */
export function dateForms(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [];
  const [, y, mo, d] = m;
  const day = String(Number(d));
  const month = MONTHS[Number(mo) - 1];
  const short = month.slice(0, 3);
  const th = ordinal(Number(d));
  return [
    iso, `${d}/${mo}/${y}`, `${day}/${Number(mo)}/${y}`, `${d}.${mo}.${y}`, `${d}-${mo}-${y}`, `${mo}/${d}/${y}`,
    `${day} ${month} ${y}`, `${day}${th} ${month} ${y}`, `${day} ${short} ${y}`, `${month} ${day}, ${y}`, `${month} ${day}${th}, ${y}`, `${month} ${day} ${y}`,
  ];
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** "Dr A. Shah, Riverside Surgery" → a person and an organisation; one value may hold both. */
function gpParts(gp: string): KnownIdentifier[] {
  const out: KnownIdentifier[] = [];
  for (const piece of gp.split(/\s*[,;\n]\s*|\s+(?:at|of)\s+/i).map((p) => p.trim()).filter((p) => p.length > 1)) {
    if (ORG_WORDS.test(piece)) out.push({ text: piece, type: 'ORGANISATION' });
    else if (TITLED.test(piece) || /^\p{Lu}/u.test(piece)) out.push({ text: piece, type: 'PERSON' });
  }
  return out;
}

/** Free text such as "Sam Ellis (partner) 07700 900123": the phone numbers and the name before any bracket. */
function contactParts(text: string): KnownIdentifier[] {
  const out: KnownIdentifier[] = [];
  for (const m of text.matchAll(/\+?\d[\d\s().-]{6,}\d/g)) out.push({ text: m[0].trim(), type: 'PHONE' });
  for (const m of text.matchAll(/[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+/g)) out.push({ text: m[0], type: 'EMAIL' });
  const name = text.replace(/\(.*?\)/g, ' ').replace(/\+?\d[\d\s().-]{6,}\d/g, ' ').replace(/[^\s@,;]+@\S+/g, ' ').split(/[,;\n]/)[0].trim();
  if (name && /\p{L}{2,}/u.test(name)) out.push({ text: name, type: 'PERSON' });
  return out;
}

function contactDetails(p: { phone?: string; email?: string; address?: string }): KnownIdentifier[] {
  const out: KnownIdentifier[] = [];
  if (p.email) out.push({ text: p.email, type: 'EMAIL' });
  if (p.phone) {
    out.push({ text: p.phone, type: 'PHONE' });
    const digits = p.phone.replace(/\D/g, '');
    if (digits !== p.phone) out.push({ text: digits, type: 'PHONE' });
  }
  if (p.address) {
    out.push({ text: p.address, type: 'ADDRESS' });
    // "14 Mill Lane" is often written "Mill Lane": each line without its house number too.
    for (const line of p.address.split(/\s*[,\n]\s*/)) {
      const street = line.replace(/^\d+[a-z]?\s+/i, '').trim();
      if (street !== line && street.length > 3) out.push({ text: street, type: 'ADDRESS' });
    }
    const postcode = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i.exec(p.address);
    if (postcode) out.push({ text: postcode[0], type: 'POSTCODE' });
  }
  return out;
}

export function knownIdentifiers(identity: ClientIdentity, others: KnownPerson[] = []): KnownIdentifier[] {
  const out: KnownIdentifier[] = [{ text: identity.name, type: 'PERSON' }, ...contactDetails(identity)];
  if (identity.dob) for (const d of dateForms(identity.dob)) out.push({ text: d, type: 'DATE' });
  if (identity.gp) out.push(...gpParts(identity.gp));
  if (identity.emergencyContact) out.push(...contactParts(identity.emergencyContact));
  for (const p of others) out.push({ text: p.name, type: 'PERSON' }, ...contactDetails(p));
  // The same value twice would only slow the engine down.
  const seen = new Set<string>();
  return out.filter((k) => k.text.trim().length > 1 && !seen.has(`${k.type}|${k.text.toLowerCase()}`) && seen.add(`${k.type}|${k.text.toLowerCase()}`));
}
