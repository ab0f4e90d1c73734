/**
 * Guards that stop a cue from counting: negation (but not a denied fact: "that is not true, please
 * correct it"), questions about confidentiality in general, and
 * third parties (police, insurers) asking about someone else without that person's authority.
 */
export const NEGATED_BEFORE = /\b(?:not|never|no need to|no longer need|without)(?: [a-z]+){0,3} ?$/;
export const HEDGE_BEFORE =
  /\b(?:not sure|do not know|have not(?: yet)? (?:received|had|heard|got|been sent)|not yet|not been able to|still not|could not find|not (?:true|right|correct|accurate|the case|so|fair|what i said))\b/;
export const THIRD_PARTY_REQUESTER =
  /\b(?:police|officer|constable|detective|sgt|sergeant|inspector|investigation|insurer|insurance company|court order|subpoena|warrant|employer|solicitors? for the)\b/;
/** Someone acting for the person: a signed authority, a guardian, an attorney, a parent with responsibility. */
export const AUTHORITY =
  /\b(?:on (?:his|her|their) behalf|on behalf of (?:my|our) client|signed (?:authority|consent|authorization|form|note|letter|mandate)|(?:her|his|their) (?:signed )?(?:consent|authority|authorization) (?:is )?(?:attached|enclosed)|enclose|enclosed|attached|i act for|acting for|we act for|(?:legal )?guardian|guardianship|power of attorney|parental responsibility|(?:has|have) asked me to)\b/;
/** "Who else might see my notes?" asks how confidentiality works; it does not ask to see anything. */
export const NOT_A_REQUEST = [
  /\bwho (?:else )?(?:[a-z]+ ){0,6}(?:might|can|could|will|would|may|gets to)(?: be able to| have access to| get to)? (?:see|read|access|look at)(?: [a-z]+){0,3}/g,
];
