/** Access cues: a subject access request or the HIPAA right of access, in legal and everyday words. */
import { type Cue, cue, REC, RECN, CLIN, DOC, OF_MY_CARE, ABOUT_ME, TO_PROVIDER, ASK, PERSON3, BUSINESS } from './rights.fragments.js';

export const ACCESS_CUES: Cue[] = [
  // Access: a subject access request or the HIPAA right of access.
  cue('access', 3, '(?:data )?subject access(?: request)?|d?sar|right (?:of|to) access|access request|article 15|164 \\. 524|designated record set|records request'),
  cue('access', 2.5, `(?:copy|copies|printout|print out|electronic copy|paper copy) of(?!${BUSINESS}) (?:all |any )?(?:of )?(?:my|the|all|any|our)(?: (?!for\\b)[a-z]+){0,3}? ${REC}(?!${TO_PROVIDER})`),
  cue('access', 2.5, `(?:copy|copies) of (?:everything|anything|what you (?:have|hold|keep|wrote|have written))`),
  cue('access', 2.5, `${ASK}(?: me)?(?: with)?(?: over)?(?: a copy of| copies of| all| access to)? (?:of )?my(?: [a-z]+){0,3}? ${RECN}(?!${TO_PROVIDER})`),
  cue('access', 2.5, `access to (?:all )?(?:of )?my(?: [a-z]+){0,3}? ${REC}`),
  cue('access', 2.5, `what (?:[a-z]+ ){0,3}?(?:do |does |did |have |are )?(?:you|your [a-z]+)(?: are| have| do)? (?:have|hold|holding|keep|keeping|store|storing|stored|kept|record|recorded|written|wrote|write|process|processing|got|say|said|put|note|noted|know|told|sent|shared|disclosed|reported|passed)(?: down| up| got| on)?(?: [a-z]+){0,3}? ${ABOUT_ME}`),
  cue('access', 2, `what (?:was|has been|is|gets|get) (?:written|recorded|noted|said|kept|held|stored)(?: down)? ${ABOUT_ME}`),
  cue('access', 2, 'what (?:is|was) (?:in|on) my (?:file|notes|records?)|what you (?:wrote|have written|write|put|said) in my (?:file|notes|records?)'),
  cue('access', 3, `everything (?:that )?(?:you |your [a-z]+ )(?:hold|have|keep|store|have got|got|have written|wrote|have recorded)(?: [a-z]+){0,2} ${ABOUT_ME}`),
  cue('access', 2.5, `all (?:the |of the )?(?:[a-z]+ ){0,5}?(?:information|data|records|notes|emails|correspondence)(?: [a-z]+){0,4} ${ABOUT_ME}`),
  cue('access', 2.5, `(?:see|view|read|copy of|copies of|send me|provide|have|email me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file|information|report|letter|assessment)(?: [a-z]+){0,6} ${ABOUT_ME}`),
  cue('access', 2, '(?:see|view|read|look at|copy of|copies of|email me|send me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file|write ups?)(?: [a-z]+){0,2} (?:you |that you )(?:take|took|make|made|keep|kept|write|wrote|type|typed)'),
  cue('access', 2, '(?:see|view|read|look at|copy of|copies of|email me|send me|send over|forward|post|share|show me)(?: [a-z]+){0,2} (?:the |any |all )?(?:notes|records|file)(?: [a-z]+){0,2} (?:from|of|for) (?:my|our)'),
  cue('access', 2, `(?:right|entitled) to (?:see|view|access|a copy of|copies of|read) (?:my|the|all)`),
  cue('access', 2.5, `(?:whether|if) you (?:are )?(?:processing|process|hold|holding|have|keep|store|storing)(?: any)?(?: of)? (?:my (?:personal )?(?:data|information|records|notes)|(?:personal )?(?:data|information|records|notes)(?: [a-z]+){0,2} ${ABOUT_ME})`),
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
  cue('access', 2, `(?:request|requesting|provide|copy of|copies of|obtain|see|collect|receive|release|access to|have|get) (?:[a-z]+ ){0,2}?${PERSON3}(?: [a-z]+)? (?:records|notes|file|record)`, true),
  // A request verb and a document of the person's care: "all documentation pertaining to my treatment".
  cue('access', 2, `${ASK}(?: me)?(?: with)?(?: [a-z]+){0,2}? (?:the |all |any |all the |copies of |a copy of )?(?:[a-z]+ )?${DOC}(?: [a-z]+){0,2}? ${OF_MY_CARE}`),
  // Held for me: "records you have for me", "everything you've stored".
  cue('access', 2, `${DOC} (?:that )?you (?:have|hold|keep|have got|kept|stored) (?:for|on|about) me|(?:everything|anything|all|what) (?:that )?you (?:have )?(?:stored|kept|held|saved|collected|gathered)`),
  // Questions about what is held: asking is itself the start of a subject access request.
  cue('access', 2, `(?:do|did|does|have) you (?:still )?(?:keep|have|hold|take|make|write|store|got)(?: got)?(?: any)? (?:notes|records|a file|files|information|data|anything|details|a record)(?: [a-z]+){0,2} ${ABOUT_ME}`),
  cue('access', 1.6, '(?:do|did|have) you (?:still )?(?:have|hold|keep|got)(?: got)?(?: any of)? my (?:[a-z]+ )?(?:records?|notes|file|chart)'),
  cue('access', 2, 'what (?:do|does|did|will|would) my (?:[a-z]+ )?(?:notes|records?|file|chart) (?:say|contain|show|record)'),
  cue('access', 2, `what (?:is|was|is there|have you got|do you have) (?:on|in) (?:record|file|your (?:records|files|system|notes))(?: ${ABOUT_ME}| for me| under my name)`),
  // The access log: who has read a person's records is part of what they may see.
  cue('access', 2, '(?:who|which people|anyone) (?:has|have|had|else has) (?:looked at|read|seen|accessed|viewed|opened|had access to)(?: [a-z]+){0,2} my|(?:audit|access) (?:log|trail|history)'),
  // A document the practitioner made, named by what they did: "the assessment you did at my first appointment".
  cue('access', 2, '(?:see|view|read|look at|have sight of|sight of|copy of|copies of|send me|show me|email me|have|share)(?: [a-z]+){0,2}? (?:the|any|all the|that) (?:notes|records|file|report|letter|assessment|summary|formulation|evaluation|referral|write up|paperwork|documents|papers)(?: [a-z]+)? (?:that )?you (?:did|made|wrote|took|kept|prepared|completed|sent|have|hold|keep|typed|are writing|have written)'),
];
