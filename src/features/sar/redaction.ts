/**
 * Proposing what to withhold from a subject access export, and applying what the practitioner
 * accepted. Pure: text in, spans out. Spans index the source text (end exclusive).
 */
import type { SarRegime } from '../deadlines/deadlines.js';
import { type RedactionKind, defaultGround, GROUNDS, type Ground } from './redaction.grounds.js';

export interface Proposal {
  start: number;
  end: number;
  kind: RedactionKind;
  ground: Ground;
}

export interface ProposalInput {
  regime: SarRegime;
  /** Other people known to the record: partners and family in joint sessions. */
  thirdParties: string[];
  /** The client's own name: never proposed. */
  clientNames: string[];
  /** Staff other than the treating practitioner, whose names may be withheld where appropriate. */
  staffNames: string[];
  /** Names of people found by the de-identification engine (span finder). */
  personSpans: (text: string) => { start: number; end: number }[];
}

const SPEECH = /\b(?:said|says|saying|told|tells|explained|explains|shared|shares|reported|reports|described|describes|admitted|admits|disclosed|discloses|asked|mentioned|stated|states|complained|complains|felt|feels|wants|wanted|accused|shouted|cried|insisted|replied|added)\b/i;
const QUOTE = /["“”]|(?:^|\s)'[^']+'/;
const CONFIDENCE = /\b(?:in confidence|confidentially|asked not to be named|asked (?:me )?not to (?:tell|say|share|pass)|not to tell|told me privately|off the record|did not want (?:\w+ ){0,3}to know)\b/i;

/** Sentence (or line) boundaries: [start, end) ranges. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^.!?\n]+(?:[.!?]+["”']?|\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) { re.lastIndex++; continue; }
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every whole-word occurrence of a person's full name or of a name part of three letters or more. */
export function nameSpans(text: string, name: string): [number, number][] {
  const full = name.trim().split(/\s+/).filter(Boolean);
  const parts = full.map((p) => p.replace(/[^\p{L}'’-]/gu, '')).filter((p) => p.length >= 3 && /^\p{Lu}/u.test(p));
  // The full name first (any run of spaces between its words), then each part on its own.
  const alternatives = [...(full.length > 1 ? [full.map(escape).join('\\s+')] : []), ...[...new Set(parts)].sort((a, b) => b.length - a.length).map(escape)];
  if (!alternatives.length) return [];
  const re = new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'gu');
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
const inside = (a: { start: number; end: number }, r: [number, number]) => a.start >= r[0] && a.end <= r[1];

export function proposeRedactions(text: string, input: ProposalInput): Proposal[] {
  const own = input.clientNames.flatMap((n) => nameSpans(text, n));
  const isOwn = (r: [number, number]) => own.some((o) => overlaps(o, r));
  const third = input.thirdParties.flatMap((n) => nameSpans(text, n)).filter((r) => !isOwn(r));
  const staff = input.staffNames.flatMap((n) => nameSpans(text, n)).filter((r) => !isOwn(r) && !third.some((t) => overlaps(t, r)));
  const known = [...own, ...third, ...staff];
  const others = input.personSpans(text).map((p): [number, number] => [p.start, p.end]).filter((r) => !known.some((k) => overlaps(k, r)));

  const out: Proposal[] = [];
  const add = (r: [number, number], kind: RedactionKind) => out.push({ start: r[0], end: r[1], kind, ground: defaultGround(kind, input.regime) });
  const whole: [number, number][] = [];
  for (const s of sentences(text)) {
    const body = text.slice(s[0], s[1]);
    const mentionsThird = third.some((t) => inside({ start: t[0], end: t[1] }, s));
    const mentionsOther = mentionsThird || others.some((o) => inside({ start: o[0], end: o[1] }, s));
    if (CONFIDENCE.test(body) && (SPEECH.test(body) || mentionsOther)) { add(s, 'third_party_confidence'); whole.push(s); continue; }
    // A partner's own words or feelings as reported in a joint session are their information.
    if (mentionsThird && (SPEECH.test(body) || QUOTE.test(body))) { add(s, 'third_party_words'); whole.push(s); }
  }
  const covered = (r: [number, number]) => whole.some((w) => inside({ start: r[0], end: r[1] }, w));
  for (const r of third) if (!covered(r)) add(r, 'third_party_name');
  for (const r of staff) if (!covered(r)) add(r, 'staff_name');
  for (const r of others) if (!covered(r)) add(r, 'other_person');
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Replace accepted spans (merged where they overlap) with a visible marker naming the ground. */
export function applyRedactions(text: string, spans: { start: number; end: number; ground: string }[]): { text: string; withheld: number } {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; ground: string }[] = [];
  for (const s of valid) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  for (const m of merged) {
    out += text.slice(at, m.start) + `[withheld: ${GROUNDS[m.ground as Ground]?.short ?? 'exemption'}]`;
    at = m.end;
  }
  return { text: out + text.slice(at), withheld: merged.length };
}
