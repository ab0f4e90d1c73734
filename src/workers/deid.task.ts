/**
 * De-identifying several texts of one case with one shared state (the sister who is [PERSON-2] in
 * the first note is [PERSON-2] in the next). Long batches go to the worker pool; the state is
 * created where the work runs, from the case key, so nothing stateful crosses threads.
 */
import { createDeidState, deidentify } from '../features/deid/deid.js';
import type { Entity, KnownIdentifier } from '../features/deid/deid.types.js';
import { runTask } from './pool.js';

export interface DeidManyInput {
  texts: string[];
  knownIdentifiers: KnownIdentifier[];
  surrogates: boolean;
  caseKey: string;
}

export interface DeidManyOutput {
  entities: Entity[][];
}

/** Below this many characters in all, the texts are done in place: a thread hop would cost more. */
export const DEID_POOL_THRESHOLD = 20_000;

export async function deidentifyManyInline(i: DeidManyInput): Promise<DeidManyOutput> {
  const state = createDeidState(i.caseKey);
  return { entities: i.texts.map((text) => deidentify(text, { knownIdentifiers: i.knownIdentifiers, surrogates: i.surrogates, caseKey: i.caseKey, state }).entities) };
}

export async function deidentifyMany(i: DeidManyInput): Promise<DeidManyOutput> {
  const size = i.texts.reduce((n, t) => n + t.length, 0);
  if (size < DEID_POOL_THRESHOLD) return deidentifyManyInline(i);
  return runTask('heavy', 'deid.many', i, () => deidentifyManyInline(i));
}
