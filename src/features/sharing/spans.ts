/**
 * The review arithmetic, pure: turning engine entities into reviewable spans, applying the
 * decisions to a part's original text, and adding spans the engine missed.
 */
import { invalidInput } from '../../core/errors.js';
import { type Entity, type EntityType, ENTITY_TYPES, createDeidState } from '../deid/deid.js';
import { replacementFor } from '../deid/registry.js';
import type { ReviewSpan, SpanType } from './sharing.js';

export function fromEntities(part: number, entities: Entity[], newId: () => string): ReviewSpan[] {
  return entities.map((e) => ({ id: newId(), part, start: e.start, end: e.end, type: e.type, replacement: e.replacement, origin: 'engine', decision: 'pending' }));
}

/** A span stays applied until it is rejected: unreviewed material errs on the side of hiding. */
const applied = (s: ReviewSpan) => s.decision !== 'rejected';

/** The anonymised text of one part under the current decisions. */
export function applySpans(text: string, spans: ReviewSpan[], part: number): string {
  let out = '';
  let at = 0;
  for (const s of spans.filter((x) => x.part === part && applied(x)).sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return out + text.slice(at);
}

const overlaps = (s: ReviewSpan, part: number, start: number, end: number) => s.part === part && applied(s) && s.start < end && start < s.end;
const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface AddRequest {
  part: number;
  start: number;
  end: number;
  type: SpanType;
  replacement?: string;
}

export interface AddOptions {
  surrogates: boolean;
  caseKey: string;
  newId: () => string;
}

/**
 * Mark text the engine missed. Every other occurrence of the same words in the material is
 * marked too (a name missed once is usually missed everywhere); the new spans are accepted,
 * since the practitioner chose them. Returns only the spans added.
 */
export function addSpan(texts: string[], spans: ReviewSpan[], req: AddRequest, opts: AddOptions): ReviewSpan[] {
  const text = texts[req.part];
  if (text === undefined) throw invalidInput('part', 'No such part of the material.');
  if (!Number.isInteger(req.start) || !Number.isInteger(req.end) || req.start < 0 || req.end > text.length || req.end <= req.start) {
    throw invalidInput('start', 'Select some text inside the original.');
  }
  const raw = text.slice(req.start, req.end);
  const original = raw.trim();
  if (!original) throw invalidInput('start', 'Select some text, not only spaces.');
  const start0 = req.start + (raw.length - raw.trimStart().length);
  const end0 = start0 + original.length;
  if (spans.some((s) => overlaps(s, req.part, start0, end0))) {
    throw invalidInput('start', 'That text overlaps a change already proposed. Reject that change first, then mark the text again.');
  }
  const replacement = req.replacement?.trim() || standIn(texts, spans, req.type, original, opts);
  const added: ReviewSpan[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(original)}(?![\\p{L}\\p{N}])`, 'giu');
  texts.forEach((t, part) => {
    for (const m of t.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if ([...spans, ...added].some((s) => overlaps(s, part, start, end))) continue;
      added.push({ id: opts.newId(), part, start, end, type: req.type, replacement, origin: 'added', decision: 'accepted' });
    }
  });
  // A selection inside a word ("Bex" of "Bexley") is not found by the whole-word search: keep it as chosen.
  if (!added.some((s) => s.part === req.part && s.start === start0 && s.end === end0)) {
    added.push({ id: opts.newId(), part: req.part, start: start0, end: end0, type: req.type, replacement, origin: 'added', decision: 'accepted' });
  }
  return added;
}

/** The same stand-in as an existing span for the same words, else the next tag (or a surrogate). */
function standIn(texts: string[], spans: ReviewSpan[], type: SpanType, original: string, opts: AddOptions): string {
  const same = spans.find((s) => applied(s) && s.type === type && norm(texts[s.part].slice(s.start, s.end)) === norm(original));
  if (same) return same.replacement;
  if (opts.surrogates && (ENTITY_TYPES as readonly string[]).includes(type)) {
    return replacementFor(createDeidState(opts.caseKey), type as EntityType, original, true);
  }
  const tag = new RegExp(`^\\[${type}-(\\d+)\\]$`);
  const used = spans.map((s) => tag.exec(s.replacement)?.[1]).filter(Boolean).map(Number);
  return `[${type}-${Math.max(0, ...used) + 1}]`;
}
