/**
 * Residual risk: details that identify a person without naming them. The heuristic only points
 * at sentences worth a second look; the practitioner's answers to the checklist are what count,
 * and they are recorded with the share.
 */
import { invalidInput } from '../../core/errors.js';

export const RESIDUAL_QUESTIONS = [
  { id: 'occupation', text: 'Does it mention a rare occupation, role or employer type that few people hold?' },
  { id: 'event', text: 'Does it describe an unusual or newsworthy event (an accident, a court case, something reported locally)?' },
  { id: 'place', text: 'Does it name or describe a small or distinctive place, school, team or community?' },
  { id: 'age', text: 'Does it give exact ages, dates, family sizes or other precise numbers?' },
  { id: 'condition', text: 'Does it mention a rare condition, disability or distinctive physical feature?' },
] as const;
export type ResidualQuestion = (typeof RESIDUAL_QUESTIONS)[number]['id'];

/** absent: not in the text; generalised: it was there and has been made general; kept: there, judged safe. */
export const RESIDUAL_ANSWERS = ['absent', 'generalised', 'kept'] as const;
export type ResidualAnswer = (typeof RESIDUAL_ANSWERS)[number];
export type ResidualAnswers = Record<ResidualQuestion, ResidualAnswer>;

export function checkResidual(v: unknown): ResidualAnswers {
  if (!v || typeof v !== 'object') throw invalidInput('residual', 'Answer the residual-risk checklist.');
  const given = v as Record<string, unknown>;
  for (const k of Object.keys(given)) if (!RESIDUAL_QUESTIONS.some((q) => q.id === k)) throw invalidInput(`residual.${k}`, 'Not a checklist question.');
  const out = {} as ResidualAnswers;
  for (const q of RESIDUAL_QUESTIONS) {
    const a = given[q.id];
    if (!RESIDUAL_ANSWERS.includes(a as ResidualAnswer)) throw invalidInput(`residual.${q.id}`, `Answer: ${q.text}`);
    out[q.id] = a as ResidualAnswer;
  }
  return out;
}

const OCCUPATIONS = [
  'surgeon', 'judge', 'magistrate', 'barrister', 'solicitor', 'mp', 'councillor', 'mayor', 'vicar', 'priest', 'imam', 'rabbi', 'bishop',
  'headteacher', 'head teacher', 'professor', 'pilot', 'astronaut', 'diplomat', 'ambassador', 'footballer', 'athlete', 'olympian', 'actor',
  'actress', 'singer', 'musician', 'celebrity', 'journalist', 'presenter', 'firefighter', 'police officer', 'detective', 'soldier', 'officer',
  'paramedic', 'lifeguard', 'midwife', 'consultant', 'vet', 'zookeeper', 'jockey', 'lifeboat', 'coastguard', 'farmer', 'fisherman', 'lighthouse', 'ceo',
  'director', 'owner', 'founder', 'influencer', 'youtuber', 'novelist', 'author', 'politician', 'minister', 'ballet', 'dancer', 'chef', 'baker',
];
const EVENTS = [
  'accident', 'crash', 'collision', 'fire', 'flood', 'explosion', 'murder', 'killed', 'stabbing', 'shooting', 'attack', 'assault', 'arrest',
  'arrested', 'trial', 'court', 'convicted', 'prison', 'sentenced', 'lottery', 'award', 'won', 'medal', 'famous', 'newspaper', 'headline',
  'headlines', 'news', 'viral', 'inquest', 'tribunal', 'scandal', 'kidnap', 'abducted', 'missing', 'rescue', 'rescued', 'tragedy', 'disaster',
];
const CONDITIONS = ['rare', 'syndrome', 'amputee', 'amputation', 'transplant', 'albinism', 'dwarfism', 'conjoined', 'triplets', 'quadruplets', 'twins', 'disease', 'disorder'];
const SUPERLATIVE = /\b(?:only|first|last|youngest|oldest|tallest|smallest|biggest|largest|best|worst|unique|unusual|record|champion)\b|\b\w{3,}(?:iest|est)\b/i;
const NOT_SUPERLATIVE = /\b(?:interest|honest|forest|request|suggest|rest|test|est|nest|best-interest|latest|modest|protest|digest|invest|arrest|contest|manifest|priest|harvest|west|chest|guest|quest|pest|vest|zest|earnest|unrest|conquest|inquest)\b/gi;

const NUMBER_WORDS = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-\w+)?\b/i;

export interface ResidualFlag {
  part: number;
  start: number;
  end: number;
  sentence: string;
  reasons: Array<'number' | 'occupation' | 'event' | 'superlative' | 'condition'>;
}

const words = (list: string[]) => new RegExp(`\\b(?:${list.map((w) => w.replace(/\s+/g, '\\s+')).join('|')})s?\\b`, 'i');
const OCC = words(OCCUPATIONS);
const EVT = words(EVENTS);
const CON = words(CONDITIONS);

/** Sentences of the anonymised text that deserve a second look, with why. */
export function flagSentences(outputs: string[]): ResidualFlag[] {
  const flags: ResidualFlag[] = [];
  outputs.forEach((text, part) => {
    for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
      const sentence = m[0].trim();
      if (!sentence) continue;
      // Stand-ins such as [DATE-2] carry digits of their own; they are not details of the client.
      const plain = sentence.replace(/\[[A-Z]+-\d+\]/g, ' ');
      const reasons: ResidualFlag['reasons'] = [];
      if (/\d/.test(plain) || NUMBER_WORDS.test(plain)) reasons.push('number');
      if (OCC.test(plain)) reasons.push('occupation');
      if (EVT.test(plain)) reasons.push('event');
      if (SUPERLATIVE.test(plain.replace(NOT_SUPERLATIVE, ' '))) reasons.push('superlative');
      if (CON.test(plain)) reasons.push('condition');
      if (reasons.length === 0) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      flags.push({ part, start, end: start + sentence.length, sentence, reasons });
    }
  });
  return flags;
}
