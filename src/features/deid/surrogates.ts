import type { EntityType } from './deid.types.js';

/** Stand-in values: plausible, consistent, and reproducible from the case key. */
const FIRSTS = {
  short: ['Ann', 'Ben', 'Eve', 'Max', 'Ida', 'Leo', 'Zoe', 'Sam', 'Amy', 'Joe', 'Kit', 'Ray'],
  medium: ['Helen', 'Robin', 'Carys', 'Elliot', 'Marcus', 'Nadia', 'Ruth', 'Simon', 'Tessa', 'Owen', 'Freya', 'Imran'],
  long: ['Josephine', 'Christopher', 'Annabelle', 'Frederick', 'Valentina', 'Bartholomew', 'Genevieve', 'Maximilian'],
};
const LASTS = {
  short: ['Hale', 'Moss', 'Reed', 'Cole', 'Lam', 'Dunn', 'Fry', 'Pike', 'Shaw', 'Ng'],
  medium: ['Harper', 'Fenwick', 'Osei', 'Lindqvist', 'Marsh', 'Quinn', 'Barlow', 'Adeyemi', 'Kowal', 'Thorne'],
  long: ['Whitmore', 'Pemberton', 'Castellano', 'Hargreaves', 'Abernethy', 'Fitzgerald', 'Okonkwo', 'Blackwood'],
};
const PLACES = ['Ashby', 'Elmsworth', 'Kingsmere', 'Thornbury', 'Millbrook', 'Oakhampton', 'Fairhaven', 'Westbury', 'Ridgeford', 'Larkfield'];
const STREETS = ['Mill Lane', 'Church Road', 'Station Street', 'Park Avenue', 'Orchard Close', 'Victoria Terrace', 'Elm Grove'];
const ORG_STEMS = ['Riverside', 'Hollybank', 'Meadowview', 'Brookfield', 'Ashgrove', 'Northgate', 'Fernhill', 'Longmead'];
const ORG_SUFFIX = /\b(?:Primary School|Secondary School|High School|Academy|College|University|School|Surgery|Medical Centre|Health Centre|Practice|Hospital|NHS Foundation Trust|NHS Trust|Trust|Clinic|Council|Ltd|Limited|Inc|LLC|plc|Group|Church|Nursery|Centre|Center)$/;

/** FNV-1a: a stable 32-bit hash for seeding. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, seedable, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const lengthClass = (s: string) => (s.length <= 3 ? 'short' : s.length <= 6 ? 'medium' : 'long');

/** One name word to a stand-in of similar length, from the first-name or surname pool. */
export function surrogateNameWord(word: string, first: boolean, r: () => number): string {
  const pool = (first ? FIRSTS : LASTS)[lengthClass(word)];
  const w = pick(r, pool);
  return word === word.toUpperCase() && word.length > 1 ? w.toUpperCase() : w;
}

/** Replace each digit and letter with a random one of its kind, keeping the shape. */
function sameShape(s: string, r: () => number): string {
  return s.replace(/\d/g, () => String(Math.floor(r() * 10))).replace(/[A-Z]/g, () => String.fromCharCode(65 + Math.floor(r() * 26))).replace(/[a-z]/g, () => String.fromCharCode(97 + Math.floor(r() * 26)));
}

export function surrogateFor(type: EntityType, text: string, r: () => number): string {
  switch (type) {
    case 'LOCATION':
      return pick(r, PLACES);
    case 'ADDRESS':
      return /\d/.test(text) ? `${1 + Math.floor(r() * 120)} ${pick(r, STREETS)}` : pick(r, PLACES);
    case 'POSTCODE':
      return /^\d/.test(text) ? sameShape(text, r) : `ZZ${1 + Math.floor(r() * 9)} ${Math.floor(r() * 10)}ZZ`;
    case 'ORGANISATION': {
      const suffix = ORG_SUFFIX.exec(text);
      return suffix ? `${pick(r, ORG_STEMS)} ${suffix[0]}` : `${pick(r, ORG_STEMS)} Ltd`;
    }
    case 'PHONE':
      return text.trim().startsWith('0') || text.includes('+44') ? `07700 900${String(Math.floor(r() * 1000)).padStart(3, '0')}` : `(555) 01${String(Math.floor(r() * 100)).padStart(2, '0')}`;
    case 'EMAIL':
      return `${pick(r, FIRSTS.medium).toLowerCase()}.${Math.floor(r() * 1000)}@example.org`;
    case 'URL':
      return `https://example.org/${Math.floor(r() * 10000)}`;
    case 'IP':
      return text.includes(':') ? `2001:db8::${Math.floor(r() * 65535).toString(16)}` : `192.0.2.${1 + Math.floor(r() * 254)}`;
    case 'AGE':
      return '90+';
    case 'ID':
    case 'DATE':
      return sameShape(text, r);
    case 'PERSON':
      return surrogateNameWord(text, true, r);
  }
}
