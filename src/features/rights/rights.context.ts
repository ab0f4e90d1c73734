/**
 * Answers about the words before a cue, in time proportional to the message once, not per cue.
 *
 * The guards were asked of "the sentence up to this cue", a fresh slice of the message per cue: a
 * long message with no sentence breaks and many cues cost its length times the number of cues. Here
 * the sentence breaks and the hedges are found once, and the anchored guards read only the last few
 * words, which is all they can match.
 */
import { HEDGE_BEFORE } from './rights.guards.js';

const BREAK = ' . ';

export interface Context {
  /** Start of the sentence holding `at` (as `text.slice(0, at).split(' . ').pop()` would begin). */
  sentenceStart(at: number): number;
  /** The end of `text.slice(sentenceStart(at), at)` from the last `words` spaces on. */
  tail(at: number, words: number): string;
  /** Does HEDGE_BEFORE match within the sentence before `at`? */
  hedgedBefore(at: number): boolean;
}

export function context(text: string): Context {
  // Break ends, found left to right without overlap, as split() finds them.
  const ends: number[] = [];
  for (let i = text.indexOf(BREAK); i >= 0; i = text.indexOf(BREAK, i + BREAK.length)) ends.push(i + BREAK.length);
  const sentenceIndex = (at: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo; // sentence n starts at ends[n - 1]
  };
  const sentenceStart = (at: number) => {
    const n = sentenceIndex(at);
    return n === 0 ? 0 : ends[n - 1];
  };
  // A hedge never spans a break (it is words and single spaces), so each belongs to one sentence;
  // no two alternatives match at one position, so trying every start finds every hedge.
  let hedgeEnd: Map<number, number> | undefined;
  const hedges = () => {
    if (hedgeEnd) return hedgeEnd;
    hedgeEnd = new Map();
    const re = new RegExp(HEDGE_BEFORE.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const n = sentenceIndex(m.index);
      const end = m.index + m[0].length;
      if (!(hedgeEnd.get(n)! <= end)) hedgeEnd.set(n, end);
      re.lastIndex = m.index + 1;
    }
    return hedgeEnd;
  };
  return {
    sentenceStart,
    tail(at, words) {
      const start = sentenceStart(at);
      let from = at;
      for (let k = 0; k < words && from > start; k++) {
        const space = text.lastIndexOf(' ', from - 2);
        from = space < start ? start : space + 1;
      }
      return text.slice(Math.max(start, from), at);
    },
    // A cue starts a word after a space, so a hedge inside the slice ends before `at`, where the
    // whole text and the slice agree on its word boundary.
    hedgedBefore: (at) => (hedges().get(sentenceIndex(at)) ?? Infinity) <= at,
  };
}

/** Does any of the intervals overlap [from, to)? Sorted starts and a running maximum of ends. */
export function overlapIndex(intervals: ReadonlyArray<readonly [number, number]>): (from: number, to: number) => boolean {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  let max = -Infinity;
  for (const [, b] of sorted) reach.push((max = Math.max(max, b)));
  return (from, to) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid][0] < to) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > from;
  };
}
