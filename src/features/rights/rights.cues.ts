/**
 * Weighted cue patterns for each right, matched against normalised text.
 * Weights: 3 explicit legal wording, about 2.5 an unmistakable request, 2 a strong everyday
 * phrasing, lower a supporting hint. A right is detected at a score of 1.5.
 * The tables live in one file per family of rights; shared fragments in rights.fragments.ts.
 */
import { ACCESS_CUES } from './rights.cues.access.js';
import { CHANGE_CUES } from './rights.cues.change.js';
import { USE_CUES } from './rights.cues.use.js';
import type { Cue } from './rights.fragments.js';

export type { Cue, Right } from './rights.fragments.js';

export const CUES: Cue[] = [...ACCESS_CUES, ...CHANGE_CUES, ...USE_CUES];
