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
import { AUTHORITY, NEGATED_BEFORE, NOT_A_REQUEST, THIRD_PARTY_REQUESTER } from './rights.guards.js';
import { context, overlapIndex } from './rights.context.js';
import { accessNet } from './rights.net.js';
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
const CUE_RIGHTS: Right[] = ['erasure', 'rectification', 'portability', 'restriction', 'objection'];
const ACCESS_BIAS = 0.75;

interface Hit {
  right: Right;
  weight: number;
  from: number;
  to: number;
}

/** Words the anchored negation guard can reach back over (its longest match is six words). */
const NEGATION_WORDS = 8;

function findHits(text: string): Hit[] {
  const shields: Array<[number, number]> = [];
  for (const re of NOT_A_REQUEST) for (const m of text.matchAll(re)) shields.push([m.index, m.index + m[0].length]);
  const shielded = overlapIndex(shields);
  const ctx = context(text);
  const thirdPartyWithoutAuthority = THIRD_PARTY_REQUESTER.test(text) && !AUTHORITY.test(text);
  const hits: Hit[] = [];
  for (const cue of CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (cue.right === 'access' && shielded(from, to)) continue;
      if (NEGATED_BEFORE.test(ctx.tail(from, NEGATION_WORDS)) && !ctx.hedgedBefore(from)) continue;
      // Police or an insurer asking about "your client" is a disclosure request for triage, not a
      // rights request; a client mentioning the police still asks about "my" records.
      if (thirdPartyWithoutAuthority && cue.right === 'access' && (cue.thirdPerson || !/\b(?:my|me|i)\b/.test(m[0]))) continue;
      hits.push({ right: cue.right, weight: cue.weight, from, to });
    }
  }
  const otherRightFound = CUE_RIGHTS.some((r) => score(hits.filter((h) => h.right === r).map((h) => h.weight)) >= THRESHOLD);
  if (!otherRightFound && !thirdPartyWithoutAuthority) {
    for (const h of accessNet(text, shielded, ctx)) hits.push({ right: 'access', weight: 1.6, ...h });
  }
  // "Delete everything you have on me": the phrase names what to erase, it does not ask for a copy.
  // Another right's cue takes an overlapping access phrase when it is as strong or comes first.
  const governed = governedBy(hits.filter((h) => h.right !== 'access'));
  return hits.filter((h) => h.right !== 'access' || !governed(h));
}

/**
 * Is an access hit overlapped by another right's hit that starts no later than it, or that starts
 * inside it and weighs as much? Sorted starts answer the first by binary search; the second reads
 * only the hits starting inside this one, instead of every hit for every hit.
 */
function governedBy(others: Hit[]): (h: Hit) => boolean {
  const sorted = [...others].sort((a, b) => a.from - b.from);
  const reach: number[] = [];
  let max = -Infinity;
  for (const o of sorted) reach.push((max = Math.max(max, o.to)));
  const firstAfter = (at: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].from <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (h) => {
    const i = firstAfter(h.from);
    if (i > 0 && reach[i - 1] > h.from) return true;
    for (let k = i; k < sorted.length && sorted[k].from < h.to; k++) if (sorted[k].weight >= h.weight) return true;
    return false;
  };
}

/** The strongest cue counts in full; further cues add a little (at most 0.5), so repetition cannot dominate. */
function score(weights: number[]): number {
  const [top, ...rest] = [...weights].sort((a, b) => b - a);
  if (top === undefined) return 0;
  return top + Math.min(0.5, 0.25 * rest.reduce((s, w) => s + w, 0));
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
  let reach = -1;
  for (const s of spans) {
    // A phrase inside one already reported adds nothing for the reader. Every phrase kept so far
    // starts no later than this one, so it is inside one of them exactly when it ends by the
    // furthest end among them.
    if (s.end <= reach) continue;
    kept.push(s);
    reach = Math.max(reach, s.end);
  }
  return [...new Set(kept.map((s) => s.text))];
}

const round = (x: number) => Math.round(x * 100) / 100;
