/**
 * Spots a data-protection or HIPAA rights request in the ordinary words people use.
 *
 * Exported API:
 * - `detectRight(text)` → `{ right, confidence, cues, also }`
 *   - `right`: 'access' | 'erasure' | 'rectification' | 'portability' | 'restriction' | 'objection' | 'none'
 *   - `confidence`: 0–1, how sure the rules are of `right`
 *   - `cues`: the exact phrases of `text` that decided it, in reading order
 *   - `also`: other rights the same message exercises (e.g. a copy and then deletion)
 * - `RIGHTS`: every value `right` can take.
 *
 * Rules, not a model: weighted cue patterns (rights.cues.ts) over normalised text
 * (rights.normalise.ts), with guards for negation ("I'm not asking for my notes") and for third
 * parties asking about someone else without authority. A missed access request costs a statutory
 * deadline, a false alarm costs a glance, so ties and near-ties go to access.
 */
import { CUES, type Right } from './rights.cues.js';
import { normalise, originalSpan } from './rights.normalise.js';

export type { Right } from './rights.cues.js';
export type Detected = Right | 'none';
export const RIGHTS: Detected[] = ['access', 'erasure', 'rectification', 'portability', 'restriction', 'objection', 'none'];

export interface Detection {
  right: Detected;
  confidence: number;
  cues: string[];
  also: Right[];
}

const THRESHOLD = 1.5;
const ACCESS_BIAS = 0.75;

const NEGATED_BEFORE = /\b(?:not|never|no need to|no longer need|without)(?: [a-z]+){0,3} ?$/;
const HEDGE_BEFORE = /\b(?:not sure|do not know|have not(?: yet)? (?:received|had|heard|got|been sent)|not yet|not been able to|still not|could not find)\b/;
const THIRD_PARTY_REQUESTER = /\b(?:police|officer|constable|detective|investigation|insurer|insurance company|court order|subpoena|warrant|employer|solicitors? for the)\b/;
const AUTHORITY = /\b(?:on (?:his|her|their) behalf|signed (?:authority|consent|authorization|form)|(?:her|his|their) (?:signed )?(?:consent|authority|authorization) (?:is )?(?:attached|enclosed)|enclose|i act for|acting for)\b/;
const NOT_A_REQUEST = [/\bwho (?:else )?(?:[a-z]+ ){0,6}(?:might|can|could|will|would|may) see\b/g];

interface Hit {
  right: Right;
  weight: number;
  from: number;
  to: number;
}

function findHits(text: string): Hit[] {
  const shielded: Array<[number, number]> = [];
  for (const re of NOT_A_REQUEST) for (const m of text.matchAll(re)) shielded.push([m.index, m.index + m[0].length]);
  const thirdPartyWithoutAuthority = THIRD_PARTY_REQUESTER.test(text) && !AUTHORITY.test(text);
  const hits: Hit[] = [];
  for (const cue of CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (cue.right === 'access' && shielded.some(([a, b]) => from < b && a < to)) continue;
      const sentenceBefore = text.slice(0, from).split(' . ').pop() ?? '';
      if (NEGATED_BEFORE.test(sentenceBefore) && !HEDGE_BEFORE.test(sentenceBefore)) continue;
      if (cue.thirdPerson && thirdPartyWithoutAuthority) continue;
      hits.push({ right: cue.right, weight: cue.weight, from, to });
    }
  }
  // "Delete everything you have on me": the phrase names what to erase, it does not ask for a copy.
  const strongOther = hits.filter((h) => h.right !== 'access' && h.weight >= 2.5);
  return hits.filter((h) => h.right !== 'access' || !strongOther.some((o) => h.from < o.to && o.from < h.to));
}

/** The strongest cue counts in full; further cues add a little each, so repetition cannot dominate. */
function score(weights: number[]): number {
  const [top, ...rest] = [...weights].sort((a, b) => b - a);
  if (top === undefined) return 0;
  return top + Math.min(1, 0.25 * rest.reduce((s, w) => s + w, 0));
}

export function detectRight(input: string): Detection {
  const n = normalise(input);
  const hits = findHits(n.text);
  const scores = new Map<Right, number>();
  for (const right of RIGHTS) {
    if (right === 'none') continue;
    const s = score(hits.filter((h) => h.right === right).map((h) => h.weight));
    if (s > 0) scores.set(right, s);
  }
  const detected = [...scores.entries()].filter(([, s]) => s >= THRESHOLD);
  if (detected.length === 0) {
    const best = Math.max(0, ...scores.values());
    return { right: 'none', confidence: round(best === 0 ? 0.95 : 0.9 - 0.2 * best), cues: [], also: [] };
  }
  const effective = (r: Right, s: number) => s + (r === 'access' ? ACCESS_BIAS : 0);
  detected.sort((a, b) => effective(b[0], b[1]) - effective(a[0], a[1]));
  const [right, best] = detected[0];
  return {
    right,
    confidence: round(Math.min(0.99, 0.5 + 0.15 * best)),
    cues: cuesFor(hits.filter((h) => h.right === right), n, input),
    also: detected.slice(1).map(([r]) => r),
  };
}

function cuesFor(hits: Hit[], n: ReturnType<typeof normalise>, input: string): string[] {
  const spans = hits
    .map((h) => originalSpan(n, input, h.from, h.to))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const s of spans) {
    // A phrase inside one already reported adds nothing for the reader.
    if (kept.some((k) => k.start <= s.start && s.end <= k.end)) continue;
    kept.push(s);
  }
  return [...new Set(kept.map((s) => s.text))];
}

const round = (x: number) => Math.round(x * 100) / 100;
