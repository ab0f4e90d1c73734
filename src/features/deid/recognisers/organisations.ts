import { P, span, type Span } from '../deid.types.js';
import { alternation } from '../alternation.js';
import { gazetteer } from '../gazetteer.js';
import { isWord } from '../lexicon.js';

const SUFFIX = [
  'Primary School', 'Primary Academy', 'Primary', 'Secondary School', 'High School', 'Middle School', 'Elementary School',
  'Elementary', 'Junior School', 'Infant School', 'Grammar School', 'Sixth Form College', 'Sixth Form', 'Academy',
  'College', 'University', 'School', 'Surgery', 'Medical Centre', 'Medical Center', 'Health Centre', 'Health Center',
  'Medical Practice', 'Group Practice', 'Family Practice', 'Practice', 'Hospital', 'Infirmary', 'Hospice',
  'NHS Foundation Trust', 'NHS Trust', 'Foundation Trust', 'Health Board', 'Trust', 'Clinic', 'Borough Council',
  'County Council', 'City Council', 'Council', 'Ltd', 'Limited', 'Inc', 'LLC', 'LLP', 'plc', 'PLC', 'Corp',
  'Corporation', 'Company', 'Group', 'Partners', 'Associates', 'Church', 'Chapel', 'Cathedral', 'Mosque', 'Synagogue',
  'Temple', 'Gurdwara', 'Church of God', 'Church of England', 'Nursery', 'Pre-school', 'Preschool', 'Care Home', 'Nursing Home', 'Children’s Centre',
  "Children's Centre", 'Centre', 'Center', 'Foundation', 'Bank', 'Consulting', 'Software', 'Solutions', 'Services',
  'Systems', 'Technologies', 'Industries', 'Holdings', 'Club', 'FC', 'Society', 'Institute', 'Agency', 'Charity',
  'Police', 'Constabulary', 'Prison', 'Pharmacy', 'Library', 'Leisure Centre', 'Country Club', 'Restaurant', 'Hotel',
  'Café', 'Cafe', 'Pub', 'Gym', 'Studios', 'Studio', 'Games', 'Media', 'Records', 'Living', 'Family Medicine', 'Medicine',
  'Counselling Service', 'Counseling Service', 'Wellbeing Centre', 'Service', 'Logistics', 'Foods', 'Water', 'Health', 'Steel',
  'Outfitters', 'Aid', 'Motors', 'Transport', 'Construction', 'Builders', 'Supplies', 'Rail', 'Housing', 'Homes', 'Care',
  'Support', 'Building Society', 'Partnership', 'Watchers', 'Fit', 'Fitness', 'Mission', 'Fellowship', 'Ministries',
].sort((a, b) => b.length - a.length);

const LEAD = new Set(
  'the a an at in on to from her his their my our your she he they we i and but so then when while after before since local new old this that of for with by until'.split(' '),
);
const ORG_WORD = "(?:[\\p{Lu}][\\p{L}\\p{M}'’&.-]*|St\\.?|of|and|&|the|de|upon|on)";
// The word before the suffix ("[letter or .&'] ") is checked by hand after each hit: a pattern
// opening with a lookbehind is tried at every position, one opening with the suffix words is not.
const SUFFIX_RE = new RegExp(`(?<= )${alternation(SUFFIX)}(?![\\p{L}])`, 'gu');
const BEFORE_SUFFIX = /^[\p{L}.&'’]$/u;
const NAME_BEFORE = new RegExp(`(?:${ORG_WORD}\\s+){1,5}$`, 'u');
const PREFIX_RE = new RegExp(
  `\\b(?:University|College|Bank|Church|Museum|Diocese|Borough|Institute|Department|Royal Bank|Council|Academy|School) of(?: the)? [\\p{Lu}][\\p{L}'’-]+(?:\\s+(?:[\\p{Lu}][\\p{L}'’-]+|upon|on)){0,3}`,
  'gu',
);
const CONTEXT_WORDS = (
  'works|work|working|worked|employed|employer is|job|jobs|placement|volunteers|volunteer|volunteering|volunteered|internship|shifts|' +
  'shift|apprenticeship|studies|studying|studied|enrolled|contract|temping|teaches|teaching|taught|attends|attended|attending|pupil|' +
  'student|staff|head teacher|headteacher|redundancy|redundant|sacked|fired|dismissed|hired|joined|years'
).split('|');
const CONTEXT_RE = new RegExp(
  `\\b${alternation(CONTEXT_WORDS)}(?:\\s+[a-z]+){0,3}?\\s+(?:at|for|with|from)\\s+(?:the\\s+)?((?:[\\p{Lu}][\\p{L}\\p{M}'’&-]*)(?:\\s+(?:[\\p{Lu}][\\p{L}\\p{M}'’&-]*|of|and|&|the)){0,5})`,
  'gu',
);

// A firm named for its partners: "the Hubbard, Fox and Gillespie website". "the" before a list of
// surnames and a common noun after it make it one organisation rather than three people.
const FIRM_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’-]+";
const FIRM = new RegExp(`\\b[Tt]he\\s+(${FIRM_WORD}(?:,\\s+${FIRM_WORD})+,?\\s+(?:and|&)\\s+${FIRM_WORD})(?=\\s+\\p{Ll})`, 'gu');

function findFirms(t: string, out: Span[]): void {
  if (!/[A-Za-z], [A-Z]/.test(t)) return;
  const g = gazetteer();
  for (const m of t.matchAll(FIRM)) {
    const names = m[1].split(/,?\s+(?:and\s+|&\s+)?/);
    const surnames = names.filter((w) => g.lasts.has(w.toLowerCase()) || !isWord(w)).length;
    if (surnames < 2) continue;
    const at = m.index! + m[0].length - m[1].length;
    out.push(span(at, at + m[1].length, 'ORGANISATION', P.context, 'org-firm'));
  }
}

/** Trim leading function words and trailing connectors from a capitalised run. */
function trimRun(t: string, start: number, end: number): [number, number] | null {
  let s = t.slice(start, end);
  let lead = 0;
  for (;;) {
    const m = /^(\S+)\s+/.exec(s);
    if (!m || !LEAD.has(m[1].toLowerCase())) break;
    lead += m[0].length;
    s = s.slice(m[0].length);
  }
  const trimmed = s.replace(/(?:\s+(?:of|and|&|the|on|upon))+$/i, '').replace(/['’]s$/, '').replace(/[.,]+$/, '');
  if (!trimmed) return null;
  return [start + lead, start + lead + trimmed.length];
}

/** Schools, surgeries, hospitals, trusts, firms: by suffix, by "X of Y", and by "works at X". */
export function findOrganisations(t: string): Span[] {
  const out: Span[] = [];
  // Find the suffix first, then look back for the name: far cheaper than trying every position.
  SUFFIX_RE.lastIndex = 0;
  for (let m = SUFFIX_RE.exec(t); m; m = SUFFIX_RE.exec(t)) {
    const low = m.index >= 3 && t.charCodeAt(m.index - 2) >= 0xdc00 && t.charCodeAt(m.index - 2) <= 0xdfff;
    if (m.index < 2 || t[m.index - 1] !== ' ' || !BEFORE_SUFFIX.test(low ? t.slice(m.index - 3, m.index - 1) : t[m.index - 2])) {
      SUFFIX_RE.lastIndex = m.index + 1;
      continue;
    }
    const back = NAME_BEFORE.exec(t.slice(Math.max(0, m.index! - 90), m.index!));
    if (!back) continue;
    const r = trimRun(t, m.index! - back[0].length, m.index! + m[0].length);
    if (!r) continue;
    const name = t.slice(r[0], r[1]);
    // "Primary School" alone is generic; a named one has a word before the suffix.
    if (name.split(/\s+/).length < 2 && !/^(?:Ltd|Inc|LLC|plc|PLC)$/.test(name)) continue;
    out.push(span(r[0], r[1], 'ORGANISATION', P.context, 'org-suffix'));
  }
  findFirms(t, out);
  for (const m of t.matchAll(PREFIX_RE)) out.push(span(m.index!, m.index! + m[0].length, 'ORGANISATION', P.context, 'org-prefix'));
  for (const m of t.matchAll(CONTEXT_RE)) {
    const at = m.index! + m[0].length - m[1].length;
    const r = trimRun(t, at, at + m[1].length);
    if (!r) continue;
    const first = t.slice(r[0], r[1]).split(/\s+/)[0];
    if (/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Year|Christmas|Easter)$/.test(first)) continue;
    if (isWord(first) && t.slice(r[0], r[1]).split(/\s+/).length === 1 && /^[A-Z][a-z]+$/.test(first) && !/\b(?:at|for|with)\s+(?:the\s+)?$/.test(t.slice(at - 10, at))) continue;
    out.push(span(r[0], r[1], 'ORGANISATION', P.context - 5, 'org-context'));
  }
  return out;
}
