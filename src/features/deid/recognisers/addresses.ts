import { alternation } from '../alternation.js';
import { P, span, type Span } from '../deid.types.js';

const SUFFIX =
  'Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Close|Cl|Crescent|Cres|Way|Place|Pl|Court|Ct|Gardens|Gdns|Grove|Gr|Terrace|Terr|Ter|Square|Sq|Mews|Row|Hill|Park|View|Walk|Rise|Parade|Boulevard|Blvd|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Green|Vale|Wharf|Yard|Quay|Chase|Croft|Fold|Gate|Mount|Meadow|Meadows|Broadway|Embankment|Wynd|Brae|Loan|Loop|Pike|Plaza|Alley|Bypass|Causeway|Heights|Hollow|Orchard|Ridge|End|Side|Grange|Common';
const STOP = new Set(
  'the a an down up along across my her his their our your to of in on at from miles mile minutes times days weeks years and or with for by about around over into is was'.split(' '),
);
const NUM = '\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,5}[A-Za-z]?)?(?:\\s+\\d{1,5}[A-Za-z]?)?';
const WORD = "[\\p{L}][\\p{L}'’.-]*";

const STREET = new RegExp(`(?<![\\w.])${NUM},?\\s+((?:${WORD}\\s+){1,4})${alternation(SUFFIX.split('|'))}\\b\\.?`, 'giu');
const PREFIX_STREET = new RegExp(
  `(?<![\\w.])${NUM}\\s+(?:[Rr]ue|[Vv]ia|[Cc]alle|[Aa]venida|[Rr]ua|Avenue|Boulevard|Place|[Pp]iazza|[Pp]lac|[Uu]lica|[Ss]trada|[Cc]arrer)\\s+(?:[\\p{Lu}]${WORD}|de|du|la|le|des|del|da|dos|di)(?:\\s+(?:[\\p{Lu}]${WORD}|de|du|la|le|des|del|da|dos|di)){0,4}`,
  'gu',
);
const COMPOUND = /(?<![\w])(?:\d{1,5}\s+)?[\p{Lu}][\p{L}]*(?:straat|strasse|straße|gasse|weg|laan|plein|gade|vej|gatan|vägen|veien|utca|ulica|platz|allee|ring|steig|dijk|kade)\s+\d{1,5}[a-z]?\b/giu;
const COMPOUND_GATE = /(?:straat|strasse|straße|gasse|weg|laan|plein|gade|vej|gatan|vägen|veien|utca|ulica|platz|allee|ring|steig|dijk|kade)\s+\d/iu;
const PREFIX_GATE = /\d[A-Za-z]?\s+(?:[Rr]ue|[Vv]ia|[Cc]alle|[Aa]venida|[Rr]ua|Avenue|Boulevard|Place|[Pp]iazza|[Pp]lac|[Uu]lica|[Ss]trada|[Cc]arrer)\s/;
const NUMBER_STREET_NUMBER = /(?<![\w.])\d{1,5}\s+(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+){1,3}\d{1,5}[a-z]?\b/gu;
const UNIT = /(?<![\w])(?:Flat|Apartment|Apt|Unit|Suite|Ste|Room|Rm|Floor|Fl)\.?\s*(?:No\.?\s*)?#?\s*\d+[A-Za-z]?\b/gi;
const PO_BOX = /(?<![\w])P\.?\s?O\.?\s?Box\s+\d+/gi;
const LABELLED = /\b(?:address|addresses|lives at|living at|resides at|residing at)\s*(?:is|:|-)\s*/gi;
const EXTEND = /^(,[ \t]*|[ \t]+)([\p{Lu}][\p{L}'’.-]*(?:[ -](?:[\p{Lu}][\p{L}'’.-]*|upon|on|nad|de|la|le|sur|in))*|[A-Z]{2}(?=\s+\d{5}))/u;

// The rest of an address line: towns, regions, countries ("São Tomé and Príncipe") and numbers,
// taken only when nothing but such words runs on to the end of the line or sentence.
const TAIL = /^(?:,?[ \t]+(?:[\p{Lu}][^\s,]*|\d{1,6}|and|&|upon|on|de|la|le|du|del|da|nad|sur|the))+/u;
const TAIL_END = /^[.,]?(?:[ \t]*(?:\n|$)|\s+[\p{Lu}\d])/u;
const NOT_TAIL = /(?:^|\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|I)\b/;

function extend(t: string, end: number): number {
  for (let i = 0; i < 4; i++) {
    const m = EXTEND.exec(t.slice(end, end + 60));
    if (!m || (!m[1].includes(',') && !/^[\p{Lu}\d ]+$/u.test(m[2]))) break;
    end += m[0].length;
  }
  const rest = t.slice(end, end + 80);
  const tail = TAIL.exec(rest);
  if (tail && !NOT_TAIL.test(tail[0])) {
    const body = tail[0].replace(/(?:[ \t]+(?:and|&|upon|on|de|la|le|du|del|da|nad|sur|the))+$/, '').replace(/[.,;:]+$/, '');
    if (TAIL_END.test(rest.slice(body.length)) && TAIL_END.test(rest.slice(tail[0].length))) end += body.length;
  }
  return end;
}

/** A street corner: "the corner of Kapelaniestraat 88 and Whittaker Street" names one place. */
const STREET_NAME = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:[ \\t]+(?:[\\p{Lu}][\\p{L}\\p{M}'’.-]*|\\d{1,5}[a-z]?)){0,4}";
const CORNER = new RegExp(`\\b(?:[Tt]he\\s+)?(?:[Cc]orner|[Jj]unction|[Ii]ntersection)\\s+of\\s+${STREET_NAME}\\s+(?:and|&)\\s+${STREET_NAME}`, 'gu');

/** Street addresses (house number and street), flats and units, PO boxes, labelled addresses. */
export function findAddresses(t: string): Span[] {
  const out: Span[] = [];
  for (const m of /\d/.test(t) ? t.matchAll(STREET) : []) {
    const words = m[1].trim().split(/\s+/);
    if (words.some((w) => STOP.has(w.toLowerCase()))) continue;
    out.push(span(m.index!, extend(t, m.index! + m[0].length), 'ADDRESS', P.address, 'street'));
  }
  const digits = /\d/.test(t);
  // Cheap literal checks first: most notes have no foreign street form and no PO box.
  const patterns = digits ? [UNIT, NUMBER_STREET_NUMBER] : [];
  if (digits && PREFIX_GATE.test(t)) patterns.push(PREFIX_STREET);
  if (digits && COMPOUND_GATE.test(t)) patterns.push(COMPOUND);
  if (digits && /box/i.test(t)) patterns.push(PO_BOX);
  for (const re of patterns) {
    for (const m of t.matchAll(re)) out.push(span(m.index!, extend(t, m.index! + m[0].length), 'ADDRESS', P.address, 'street'));
  }
  if (/(?:corner|junction|intersection) of/i.test(t)) {
    for (const m of t.matchAll(CORNER)) out.push(span(m.index!, m.index! + m[0].replace(/[.,]+$/, '').length, 'ADDRESS', P.address, 'corner'));
  }
  for (const m of /address|(?:liv|resid)\w* at\s*(?:is|:|-)/i.test(t) ? t.matchAll(LABELLED) : []) {
    const at = m.index! + m[0].length;
    const rest = t.slice(at, at + 120);
    const stop = rest.search(/\n|[.?!](?:\s|$)|\s(?:in case|for|because|please)\b/);
    const len = stop < 0 ? rest.length : stop;
    if (len > 2) out.push(span(at, at + len, 'ADDRESS', P.address - 5, 'labelled-address'));
  }
  return out;
}
