import type { SarRegime } from '../deadlines/deadlines.js';

/** Why something is withheld, in words the client reads in the export. */
export const GROUNDS = {
  'uk-dpa2018-sch2-16': { regime: 'uk-gdpr', short: 'another person', text: "Information about another person (Data Protection Act 2018, Schedule 2, paragraphs 16–17)" },
  'uk-dpa2018-sch3-serious-harm': { regime: 'uk-gdpr', short: 'serious harm', text: 'Information likely to cause serious harm to your or another person’s physical or mental health (Data Protection Act 2018, Schedule 3, paragraph 5)' },
  'hipaa-164.524-a3-ii': { regime: 'hipaa', short: 'another person', text: 'Information that refers to another person, withheld on a licensed professional’s judgement of likely substantial harm to them (45 CFR §164.524(a)(3)(ii))' },
  'hipaa-164.524-a3-i': { regime: 'hipaa', short: 'safety', text: 'Information a licensed professional judged reasonably likely to endanger life or physical safety (45 CFR §164.524(a)(3)(i))' },
  'hipaa-164.524-a2-v': { regime: 'hipaa', short: 'confidential source', text: 'Information given by someone else under a promise of confidentiality that would reveal who they are (45 CFR §164.524(a)(2)(v))' },
} as const;
export type Ground = keyof typeof GROUNDS;
export const GROUND_IDS = Object.keys(GROUNDS) as Ground[];

export const KINDS = ['third_party_name', 'third_party_words', 'third_party_confidence', 'other_person', 'staff_name', 'exemption'] as const;
export type RedactionKind = (typeof KINDS)[number];

export function defaultGround(kind: RedactionKind, regime: SarRegime): Ground {
  if (regime === 'uk-gdpr') return kind === 'exemption' ? 'uk-dpa2018-sch3-serious-harm' : 'uk-dpa2018-sch2-16';
  if (kind === 'exemption') return 'hipaa-164.524-a3-i';
  if (kind === 'third_party_confidence') return 'hipaa-164.524-a2-v';
  return 'hipaa-164.524-a3-ii';
}

export const groundAllowed = (g: string, regime: SarRegime): g is Ground => g in GROUNDS && GROUNDS[g as Ground].regime === regime;
