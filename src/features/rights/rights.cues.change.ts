/** Erasure and rectification cues: asking for records to be deleted or corrected. */
import { type Cue, cue, REC } from './rights.fragments.js';

export const CHANGE_CUES: Cue[] = [
  // Erasure.
  cue('erasure', 3, 'right to (?:be forgotten|erasure)|article 17|erasure'),
  cue('erasure', 2.5, `(?:delete|erase|destroy|shred|wipe|wiped|purge|remove|dispose of|get rid of|deleted|erased|destroyed)(?: [a-z]+){0,2}? (?:my|all my|all|any|the|all the|everything)(?: [a-z]+){0,2}? ${REC}`),
  cue('erasure', 2.5, `(?:delete|erase|destroy|purge|wipe|shred|remove|get rid of) everything`),
  cue('erasure', 2.5, `(?:my |all )?(?:file|notes|records|data|information|details)(?! apps?\\b)(?: [a-z]+){0,4} (?:to be |be )?(?:shredded|deleted|erased|destroyed|wiped|purged)`),
  cue('erasure', 2.5, `(?:do not|no longer) want(?: you)?(?: to)?(?: keep| hold| have| store| keeping| holding)?(?: [a-z]+){0,2} ${REC}(?! (?:being |to be )?(?:used|shared|discussed|passed|sent|seen|deleted|destroyed|erased))`),
  cue('erasure', 2, '(?:did not|would not|do not) (?:keep|hold|store) (?:anything|any records|any notes|any data|any information)(?: [a-z]+){0,2} (?:about|on) me'),
  cue('erasure', 2.5, '(?:erase|delete|remove|destroy|wipe)(?: [a-z]+){0,2} (?:trace|traces|record|mention) of me'),
  cue('erasure', 2.5, '(?:(?:information|data|records|notes|details|file) )?(?:gone|removed|deleted|erased) from your (?:files|records|system|systems|database|computers?)|none of my (?:data|information|records|notes|details) (?:remains|is kept|stays)'),
  cue('erasure', 1.5, 'want them gone|like them gone|them deleted'),
  cue('erasure', 1, '(?:delete|erase|remove|destroy) (?:them|it all|it)'),

  // Rectification.
  cue('rectification', 3, 'rectification|rectify|article 16|164 \\. 526|amendment to my(?: [a-z]+){0,2} record'),
  cue('rectification', 2.5, '(?:correct|amend|fix|change|update|rectify)(?: [a-z]+){0,3}? (?:my|the|your|this|that|these)?(?: [a-z]+){0,2}? (?:records?|notes|file|report|letter|assessment|summary|diagnosis)'),
  cue('rectification', 2, '(?:records?|notes|file|report|letter|assessment|summary|information|data)(?: [a-z]+){0,12}? (?:wrong|incorrect|inaccurate|untrue|false|not true|mistakes?|errors?|misstates?|misstated|misrepresented|inaccuracies|incomplete|out of date|misrepresents?)'),
  cue('rectification', 2, '(?:wrong|incorrect|inaccurate|untrue|inaccuracies|factually wrong)(?: [a-z]+){0,4} (?:in|on) (?:my|the|your)(?: [a-z]+)? (?:notes|records?|file|report|letter)'),
  cue('rectification', 2, '(?:notes|records?|file|report) (?:changed|corrected|amended|updated|fixed)|be (?:corrected|amended)|corrected copy'),
  cue('rectification', 2, '(?:mistake|mistakes|error|errors|inaccuracy|inaccuracies)(?: [a-z]+){0,3} (?:in|on) (?:my|the|your)(?: [a-z]+)? (?:notes|records?|file|report|letter|chart)'),
  cue('rectification', 2, '(?:recorded|written|noted|described|listed)(?: [a-z]+){0,3} (?:incorrectly|wrongly|inaccurately)|(?:record|records|notes|file) to show (?:that )?i disagree|disagree with (?:your|the) (?:assessment|notes|report|record|diagnosis)|statement of disagreement'),
  cue('rectification', 2, 'not what i said|never said that|misrepresent|inaccurate information|factually wrong'),
  cue('rectification', 2, '(?:add|attach|include) (?:a )?(?:statement|note|letter)(?: [a-z]+){0,3} (?:to|in|on) my (?:file|records?|notes)'),
  cue('rectification', 1.2, '(?:please )?(?:correct|amend|fix)(?: it| this| that| them)?|(?:want|like|need) (?:it|that|this) corrected|(?:file|notes|records?|report|letter|summary|assessment)(?: [a-z]+){0,3}? (?:say|says|said|record|records|state|states|stated) (?:that )?(?:i|my)\\b|(?:please )?change (?:it|that|this)\\b|i never (?:said|refused|did|was)|(?:records?|notes|file) (?:show|shows|say|says|list|lists|state|states) me as|complete it'),
  cue('erasure', 2.5, '(?:remove|delete|erase|take|wipe) (?:me|my (?:[a-z]+ )?(?:details|data|information|records|file|notes)) (?:off|from|out of) (?:your|all your|the)(?: [a-z]+)? (?:records|files|system|systems|database|books|computers?)|(?:want|wish|like|right) to be forgotten'),
  // Part of a record: "delete what I said last week from your notes", "erase the bit in my notes about my ex".
  cue('erasure', 2.5, '(?:delete|erase|remove|take out|strike out|cut)(?: [a-z]+){1,8} (?:from|in|out of) (?:my|your|the) (?:[a-z]+ )?(?:notes|records?|file)'),
];
