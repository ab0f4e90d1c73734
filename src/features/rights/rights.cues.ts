/**
 * Weighted cue patterns for each right, matched against normalised text (see rights.normalise.ts:
 * lower case, contractions expanded, spellings folded, typos fixed, sentence breaks as " . ").
 * Weights: 3 explicit legal wording, about 2.5 an unmistakable request, 2 a strong everyday
 * phrasing, lower a supporting hint. A right is detected at a score of 1.5.
 */
export type Right = 'access' | 'erasure' | 'rectification' | 'portability' | 'restriction' | 'objection';

export interface Cue {
  right: Right;
  weight: number;
  pattern: RegExp;
  /** The object is someone else's record (her/his/their): discounted when a third party asks without authority. */
  thirdPerson?: boolean;
}

const W = '(?: [a-z0-9]+)'; // one more word
const REC =
  '(?:records?|notes?|files?|data|information|details|stuff|documents|correspondence|assessment|reports?|letters?|emails|texts|recordings?|everything|anything|record set|write ups?)';
const RECN = '(?:records?|notes|file|data|information|record|stuff|chart|documentation|paperwork|case file|client file)';
const CLIN = '(?:medical|health|mental health|therapy|counseling|clinical|treatment|psychotherapy|patient|case|session|complete|entire|full|own|personal)';
const ABOUT_ME = '(?:about|on|regarding|concerning|relating to|that mention|mentioning) me';
const PROVIDER =
  '(?:therapist|counselor|psychologist|psychiatrist|provider|practice|clinic|service|doctor|dr|gp|them|her|him|another controller|new one)';
const TO_PROVIDER = `(?: over| on| directly| straight| across| electronically)? to (?:my |the |a |her |his )?(?:new |other |another |different )?(?:[a-z]+ ){0,3}?${PROVIDER}\\b`;
const ASK =
  '(?:see|view|read|look at|have a look at|access|obtain|get hold of|receive|request|requesting|request for|ask for|asking for|supply|provide|release|send|send over|email|forward|mail|give|can i have|could i have|may i have|let me have|like to have|can i get|could i get|like to get|want to get|how do i get|how can i get|i want|i need|i would like|i wish to have)';
const PERSON3 = '(?:her|his|their|my (?:son|daughter|child|mother|father|client|wife|husband|partner))';

/** Ordinary paperwork: a copy of an invoice is not a copy of one's records. */
const BUSINESS =
  '(?: of)? (?:the |my |your |this |last |that |a )?(?:[a-z]+ )?(?:invoices?|receipts?|bills?|superbill|statement|payment|link|form|contract|worksheet|handout|audio|policy|agreement|leaflet)\\b';

const cue = (right: Right, weight: number, source: string, thirdPerson = false): Cue => ({
  right,
  weight,
  pattern: new RegExp(`\\b(?:${source})\\b`, 'g'),
  thirdPerson,
});

export const CUES: Cue[] = [
  // Access: a subject access request or the HIPAA right of access.
  cue('access', 3, '(?:data )?subject access(?: request)?|d?sar|right (?:of|to) access|access request|article 15|164 \\. 524|designated record set|records request'),
  cue('access', 2.5, `(?:copy|copies|printout|print out|electronic copy|paper copy) of (?:all |any )?(?:of )?(?:my|the|all|any|our)(?: [a-z]+){0,3}? ${REC}(?!${TO_PROVIDER})`),
  cue('access', 2.5, `(?:copy|copies) of (?:everything|anything|what you (?:have|hold|keep|wrote|have written))`),
  cue('access', 2.5, `${ASK}(?: me)?(?: with)?(?: over)?(?: a copy of| copies of| all| access to)? (?:of )?my(?: [a-z]+){0,3}? ${RECN}(?!${TO_PROVIDER})`),
  cue('access', 2.5, `access to (?:all )?(?:of )?my(?: [a-z]+){0,3}? ${REC}`),
  cue('access', 2.5, `what (?:[a-z]+ ){0,3}?(?:do |does |did |have |are )?(?:you|your [a-z]+)(?: are| have| do)? (?:have|hold|holding|keep|keeping|store|storing|stored|kept|record|recorded|written|wrote|write|process|processing|got|say|said|put|note|noted)(?: down| up| got)?(?: [a-z]+){0,3}? ${ABOUT_ME}`),
  cue('access', 2, `what (?:was|has been|is|gets|get) (?:written|recorded|noted|said|kept|held|stored)(?: down)? ${ABOUT_ME}`),
  cue('access', 2, 'what (?:is|was) (?:in|on) my (?:file|notes|records?)|what you (?:wrote|have written|write|put|said) in my (?:file|notes|records?)'),
  cue('access', 3, `everything (?:that )?(?:you |your [a-z]+ )(?:hold|have|keep|store|have got|got|have written|wrote|have recorded)(?: [a-z]+){0,2} ${ABOUT_ME}`),
  cue('access', 2.5, `all (?:the |of the )?(?:[a-z]+ ){0,5}?(?:information|data|records|notes|emails|correspondence)(?: [a-z]+){0,4} ${ABOUT_ME}`),
  cue('access', 2.5, `(?:see|view|read|copy of|copies of|send me|provide|have|email me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file|information|report|letter|assessment)(?: [a-z]+){0,6} ${ABOUT_ME}`),
  cue('access', 2, '(?:see|view|read|look at|copy of|copies of|email me|send me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file|write ups?)(?: [a-z]+){0,2} (?:you |that you )(?:take|took|make|made|keep|kept|write|wrote|type|typed)'),
  cue('access', 2, '(?:see|view|read|look at|copy of|copies of|email me|send me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file)(?: [a-z]+){0,2} (?:from|of|for) (?:my|our)'),
  cue('access', 2, `(?:right|entitled) to (?:see|view|access|a copy of|copies of|read) (?:my|the|all)`),
  cue('access', 2.5, `(?:whether|if) you (?:are )?(?:processing|process|hold|holding) (?:any )?(?:of )?my (?:personal )?(?:data|information)`),
  cue('access', 2, `what (?:[a-z]+ ){0,6}?(?:kept|held|stored|recorded|written|noted|have|hold|keep|store|record)(?: [a-z]+){0,3}? ${ABOUT_ME}`),
  cue('access', 2, 'what (?:[a-z]+ ){0,2}?(?:is|is written|is kept|is recorded) (?:in|on) my (?:file|notes|records?|chart)'),
  cue('access', 2, `(?:share with me|show me|post me|forward me|have sight of|sight of|look at|review|looking for|ask you for|right to)(?: [a-z]+){0,3}? (?:my|the|your)(?: [a-z]+){0,2}? (?:${RECN}|notes)`),
  cue('access', 2, `(?:records|notes|file|information) (?:you have|you hold|you keep|you kept|you wrote|you made) (?:from|of|on|about) (?:my|me)`),
  cue('access', 2.5, '(?:send|email|give|show|post|forward) me (?:the |my |all the |all my )?(?:session|therapy|counseling|case|clinical) (?:notes|records)'),
  cue('access', 2.5, '(?:let me|can i|could i|may i)(?: [a-z]+){0,2} (?:read|see|view|look at|have) (?:your|the) (?:notes|records|file)'),
  // A chaser for an earlier request is itself an access request.
  cue('access', 2.5, `(?:have not|not|never)(?: yet| still)? (?:received|had|got|been sent|been given) (?:a copy of |copies of |any of )?my(?: [a-z]+){0,3}? ${RECN}`),
  cue('access', 1.5, `(?:send|provide|email) me (?:with )?(?:everything|a copy|copies|it all)(?!${BUSINESS})`),
  cue('access', 2, `(?:request|requesting|obtain|release|access|copy of|copies of) (?:[a-z]+ ){0,2}?${CLIN}(?: [a-z]+)? (?:records?|notes|file|information)`),
  cue('access', 2, `(?:request|requesting|provide|copy of|copies of|obtain|see) (?:[a-z]+ ){0,2}?${PERSON3}(?: [a-z]+)? (?:records|notes|file|record)`, true),

  // A first-person record reference in a sentence that asks for something (see CO_OCCURRENCE in rights.detect.ts).

  // Erasure.
  cue('erasure', 3, 'right to (?:be forgotten|erasure)|article 17|erasure'),
  cue('erasure', 2.5, `(?:delete|erase|destroy|shred|wipe|wiped|purge|remove|dispose of|get rid of|deleted|erased|destroyed)(?: [a-z]+){0,2}? (?:my|all my|all|any|the|all the|everything)(?: [a-z]+){0,2}? ${REC}`),
  cue('erasure', 2.5, `(?:delete|erase|destroy|purge|wipe) everything`),
  cue('erasure', 2.5, `(?:my |all )?(?:file|notes|records|data|information|details)(?: [a-z]+){0,4} (?:to be |be )?(?:shredded|deleted|erased|destroyed|wiped|purged)`),
  cue('erasure', 2.5, `(?:do not|no longer) want(?: you)?(?: to)?(?: keep| hold| have| store| keeping| holding)?(?: [a-z]+){0,2} ${REC}(?! (?:being |to be )?(?:used|shared|discussed|passed|sent|seen|deleted|destroyed|erased))`),
  cue('erasure', 2, '(?:did not|would not|do not) (?:keep|hold|store) (?:anything|any records|any notes|any data|any information)(?: [a-z]+){0,2} (?:about|on) me'),
  cue('erasure', 2.5, '(?:erase|delete|remove|destroy|wipe)(?: [a-z]+){0,2} (?:trace|traces|record|mention) of me'),
  cue('erasure', 2.5, '(?:(?:information|data|records|notes|details|file) )?(?:gone|removed|deleted|erased) from your (?:files|records|system|systems|database|computers?)|none of my (?:data|information|records|notes|details) (?:remains|is kept|stays)'),
  cue('erasure', 1.5, 'want them gone|like them gone|them deleted'),
  cue('erasure', 1, '(?:delete|erase|remove|destroy) (?:them|it all|it)'),

  // Rectification.
  cue('rectification', 3, 'rectification|rectify|article 16|164 \\. 526|amendment to my(?: [a-z]+){0,2} record'),
  cue('rectification', 2.5, '(?:correct|amend|fix|change|update|rectify)(?: [a-z]+){0,3}? (?:my|the|your|this|that|these)?(?: [a-z]+){0,2}? (?:records?|notes|file|report|letter|assessment|summary|diagnosis)'),
  cue('rectification', 2, '(?:records?|notes|file|report|letter|assessment|summary|information|data)(?: [a-z]+){0,12}? (?:wrong|incorrect|inaccurate|untrue|false|not true|mistakes?|errors?|inaccuracies|incomplete|out of date|misrepresents?)'),
  cue('rectification', 2, '(?:wrong|incorrect|inaccurate|untrue|inaccuracies|factually wrong)(?: [a-z]+){0,4} (?:in|on) (?:my|the|your)(?: [a-z]+)? (?:notes|records?|file|report|letter)'),
  cue('rectification', 2, '(?:notes|records?|file|report) (?:changed|corrected|amended|updated|fixed)|be (?:corrected|amended)|corrected copy'),
  cue('rectification', 2, '(?:mistake|mistakes|error|errors|inaccuracy|inaccuracies)(?: [a-z]+){0,3} (?:in|on) (?:my|the|your)(?: [a-z]+)? (?:notes|records?|file|report|letter|chart)'),
  cue('rectification', 2, '(?:recorded|written|noted|described|listed)(?: [a-z]+){0,3} (?:incorrectly|wrongly|inaccurately)|(?:record|records|notes|file) to show (?:that )?i disagree|disagree with (?:your|the) (?:assessment|notes|report|record|diagnosis)|statement of disagreement'),
  cue('rectification', 2, 'not what i said|never said that|misrepresent|inaccurate information|factually wrong'),
  cue('rectification', 2, '(?:add|attach|include) (?:a )?(?:statement|note|letter)(?: [a-z]+){0,3} (?:to|in|on) my (?:file|records?|notes)'),
  cue('rectification', 1.2, '(?:please )?(?:correct|amend|fix)(?: it| this| that| them)?|(?:want|like|need) (?:it|that|this) corrected|(?:file|notes|records?|report|letter) (?:say|says|record|records|state|states) (?:that )?i|i never (?:said|refused|did|was)|(?:records?|notes|file) (?:show|shows|say|says|list|lists|state|states) me as|complete it'),

  // Portability.
  cue('portability', 3.5, 'portability|article 20|machine readable|commonly used format|structured format|portable(?: [a-z]+)? (?:copy|format)|to another controller'),
  cue('portability', 3, `(?:transfer|transferred|send|forward|pass|move|transmit)(?: [a-z]+){0,3} (?:my |the )?(?:[a-z]+ )?(?:records|notes|file|data|information)${TO_PROVIDER}`),
  cue('portability', 3, `(?:records|notes|file|data) (?:be |to be |being )?(?:transferred|sent|moved|forwarded|passed)${TO_PROVIDER}`),
  cue('portability', 2.5, '(?:export|download)(?: [a-z]+){0,2} (?:data|records|notes|information)|(?:csv|json|xml|fhir)'),
  cue('portability', 3.5, '(?:in|as) an? (?:[a-z]+ )?(?:format|file)(?: [a-z]+){0,6} (?:another|elsewhere|other|new provider|new therapist)|downloadable|import (?:it )?elsewhere'),
  cue('portability', 1.5, '(?:take|upload|import) it to (?:another|my new|a new)'),

  // Restriction.
  cue('restriction', 3, 'restrict(?:ion of)?(?: the)? (?:processing|use|access)|article 18|restrict processing'),
  cue('restriction', 2.5, '(?:do not|not) want (?:my |the )?(?:[a-z]+ )?(?:file|records?|notes|data) (?:deleted|destroyed|erased)|locked away'),
  cue('restriction', 2.5, '(?:until|while|whilst|pending)(?: [a-z]+){0,12} (?:do not|not|stop|never) (?:use|using|share|sharing|process|processing|look|looking)'),
  cue('restriction', 2.5, `(?:stop|pause|paused|suspend|freeze|hold off|put a hold on|halt|do not use|not use|do not share)(?: [a-z]+){0,3}? (?:my )?(?:data|information|records|notes|file|details|them)(?: [a-z]+){0,6} (?:while|until|whilst|till|pending|for now)`),
  cue('restriction', 2.5, `(?:processing|use)(?: [a-z]+){0,4} (?:paused|suspended|frozen|stopped) (?:until|while|pending)`),
  cue('restriction', 2.5, '(?:do not|not) delete(?: [a-z]+){0,12} (?:but|either)|keep my (?:notes|records|data|file)(?: [a-z]+)? but|only (?:store|keep|hold) my'),
  cue('restriction', 2.5, 'limit (?:who|how|the use|use)(?: [a-z]+){0,4} (?:my|your)|(?:freeze|lock) (?:my )?(?:information|file|records|notes|data)|(?:information|file|records|notes|data)(?: [a-z]+)? (?:locked|frozen)'),

  // Objection (including withdrawing consent to a use, and direct marketing).
  cue('objection', 3, 'i object|object to|objection|article 21|opt out|unsubscribe|legitimate interests?|mailing list'),
  cue('objection', 2.5, 'withdraw(?:ing)?(?: my)? consent|no longer consent|(?:stop|no longer|not) (?:sending|send)(?: [a-z]+){0,2} (?:newsletters?|marketing|offers|promotions)'),
  cue('objection', 2.5, '(?:do not|not|no longer|were not|was not|rather)(?: [a-z]+){0,6} (?:used|use|using|discussed|shared|sharing|share)(?: [a-z]+){0,4} (?:for|in|with) (?:the |your |any )?(?:[a-z]+ )?(?:research|training|marketing|supervision|case studies|case study|book|publication|teaching|evaluation|eap)'),
  cue('objection', 2.5, '(?:do not|no longer|not|no more|stop)(?: [a-z]+){0,4} (?:marketing|newsletters?|promotional|promotions)'),
  cue('objection', 2, 'stop (?:emailing|mailing|sending|contacting) me (?:about|your|with)|stop (?:using|processing|sharing) my (?:data|information|details|records|notes)|(?:do not|not) use my (?:data|information|details|records|notes) for'),
];
