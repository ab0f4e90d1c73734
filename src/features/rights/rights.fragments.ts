/**
 * Shared building blocks for the cue tables: the cue type and the phrase fragments (record nouns,
 * request verbs, providers) that several rights' patterns reuse. Patterns match normalised text
 * (see rights.normalise.ts: lower case, contractions expanded, spellings folded, typos fixed,
 * sentence breaks as " . ").
 */
export type Right = 'access' | 'erasure' | 'rectification' | 'portability' | 'restriction' | 'objection';

export interface Cue {
  right: Right;
  weight: number;
  pattern: RegExp;
  /** The object is someone else's record (her/his/their): discounted when a third party asks without authority. */
  thirdPerson?: boolean;
}

export const REC =
  '(?:records?|notes?|files?|data|information|details|stuff|documents|correspondence|assessment|reports?|letters?|emails|texts|recordings?|everything|anything|record set|write ups?)';
export const RECN = '(?:records?|notes|file|data|information|record|stuff|chart|documentation|paperwork|case file|client file)';
/** Documents a practitioner makes about a person. */
export const DOC =
  '(?:notes|records?|files?|chart|write ups?|documentation|documents|paperwork|papers|reports?|letters?|assessments?|summary|summaries|correspondence)';
/** What the records are of: "pertaining to my treatment", "from my time with you". */
export const OF_MY_CARE =
  '(?:pertaining to|relating to|related to|regarding|concerning|about|from|of|for) (?:my|our) (?:(?!appointments?\\b)[a-z]+ )?(?:treatment|therapy|care|sessions?|counseling|case|time with you|assessment|work together)';
export const CLIN = '(?:medical|health|mental health|therapy|counseling|clinical|treatment|psychotherapy|patient|case|session|complete|entire|full|own|personal)';
export const ABOUT_ME = '(?:about|on|regarding|concerning|relating to|that mention|mentioning) me';
export const PROVIDER =
  '(?:therapist|counselor|psychologist|psychiatrist|provider|practice|clinic|service|doctor|dr|gp|team|nhs|hospital|surgery|trust|unit|program|them|her|him|another controller|new one)';
export const TO_PROVIDER = `(?: over| on| directly| straight| across| electronically)? to (?:my |the |a |her |his )?(?:new |other |another |different )?(?:[a-z]+ ){0,3}?${PROVIDER}\\b`;
export const ASK =
  '(?:see|seeing|view|viewing|read|reading|look at|have a look at|access|accessing|emailing me|sending me|obtain|get hold of|getting hold of|getting|obtaining|receive|request|requesting|request for|ask for|asking for|supply|provide|release|send|send over|email|forward|mail|give|can i have|could i have|may i have|let me have|like to have|can i get|could i get|like to get|want to get|how do i get|how can i get|i want|i need|i would like|i wish to have)';
export const PERSON3 = '(?:her|his|their|my (?:son|daughter|child|mother|father|client|wife|husband|partner))';

/** Ordinary paperwork: a copy of an invoice is not a copy of one's records. */
export const BUSINESS =
  '(?: of)? (?:the |my |your |this |last |that |a )?(?:[a-z]+ )?(?:invoices?|receipts?|bills?|superbill|statement|payment|link|form|contract|worksheet|handout|audio|policy|agreement|leaflet)\\b';

export const cue = (right: Right, weight: number, source: string, thirdPerson = false): Cue => ({
  right,
  weight,
  pattern: new RegExp(`\\b(?:${source})\\b`, 'g'),
  thirdPerson,
});

