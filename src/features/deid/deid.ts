/**
 * De-identification of case material: deidentify(text, options) → { text, entities }.
 * Pure: no network, no models, no clock. Entities index the INPUT string (end exclusive).
 */
import type { DeidResult, Entity, KnownIdentifier } from './deid.types.js';
import { shiftDate } from './date-shift.js';
import { recognise } from './recognise.js';
import { createDeidState, replacementFor, type DeidState } from './registry.js';
import { hash32 } from './surrogates.js';

export interface DeidOptions {
  /** The client's own recorded identifiers (name and its parts, family, address, GP): always caught. */
  knownIdentifiers?: KnownIdentifier[];
  /** Realistic consistent stand-ins instead of [TYPE-n] tags. */
  surrogates?: boolean;
  /** Move every date by this many days (intervals kept); with surrogates and no value, a per-case shift. */
  dateShiftDays?: number;
  /** Seeds stand-ins so a case's mapping is reproducible. */
  caseKey?: string;
  /** Carries the mapping across several notes of one case (created from caseKey when absent). */
  state?: DeidState;
}

export function deidentify(text: string, options: DeidOptions = {}): DeidResult {
  const state = options.state ?? createDeidState(options.caseKey ?? '');
  const surrogates = options.surrogates === true;
  const shift = options.dateShiftDays ?? (surrogates ? caseShift(state.caseKey) : undefined);
  // The client's own name is registered first so it is always PERSON-1.
  for (const k of options.knownIdentifiers ?? []) if (k.type === 'PERSON') replacementFor(state, 'PERSON', k.text, surrogates);
  const spans = recognise(text, options.knownIdentifiers);
  const entities: Entity[] = [];
  let out = '';
  let at = 0;
  for (const s of spans) {
    const original = text.slice(s.start, s.end);
    let replacement: string | null = null;
    if (s.type === 'DATE' && shift !== undefined) replacement = shiftDate(original, shift);
    replacement ??= replacementFor(state, s.type, original, surrogates);
    entities.push({ start: s.start, end: s.end, type: s.type, replacement, text: original });
    out += text.slice(at, s.start) + replacement;
    at = s.end;
  }
  return { text: out + text.slice(at), entities };
}

/** A shift of 30 to 365 days either way, fixed per case key. */
function caseShift(caseKey: string): number {
  const h = hash32(`${caseKey}|date-shift`);
  const days = 30 + (h % 336);
  return h & 0x80000000 ? -days : days;
}

export { createDeidState, type DeidState } from './registry.js';
export { ENTITY_TYPES, type DeidResult, type Entity, type EntityType, type KnownIdentifier } from './deid.types.js';
