/**
 * Hostile text for the engines' fuzz tests and benchmark: the patterns a security review used, and
 * generators that splice fragments of identifiers, punctuation and unusual characters together.
 */
export const HOSTILE_PATTERNS: Record<string, string> = {
  'plus-44': '+44 ',
  'nhs-digits': '943 476 5919 ',
  'aaaa': 'Aaaa ',
  'letters': 'a',
  'digits': '7',
  'punctuation': '.,;:!?-()[]/\\\'"',
  'unicode': 'é😀ß\u0301\u200b\u00a0Ω ',
  'addresses': '14 Mill Lane ',
  'numbered-lines': '12 Abc def\n',
  'note':
    'Saw Sarah Jones (DOB 12/03/1984, NHS 943 476 5919) at Riverside Surgery, 14 Mill Lane, Leeds LS1 4AP. ' +
    'Tel 07700 900123. She said her husband Tom works at Tesco and she does not want her notes shared. ' +
    'Please send me a copy of my notes. ',
};

/** `unit` repeated to exactly `size` characters. */
export const repeatTo = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Pieces that each trip some recogniser or guard; spliced at random they make adversarial text. */
export const FRAGMENTS = [
  '+44 ', '+', '(', ')', '0', '1 ', '943 476 5919', '07700 900123', '-', '.', ' . ', ', ', ':', '/', '\n', '\n\n', ' ', '\t',
  'Aaaa ', 'Tom ', 'Mr ', 'Dr ', 'her husband ', 'works at ', 'Riverside Surgery ', '14 Mill Lane', 'LS1 4AP', 'May ', '12th ',
  'in 1999', '12/03/1984', '@', 'a@b.co', 'www.', '.uk', '192.168.0.1', '::', 'é', '😀', '\u0301', '\u200b', 'ß', "'s", '’',
  'not ', 'never ', 'please ', 'send me ', 'my notes ', 'delete ', 'records ', 'wrong ', 'who else might see ', 'police ',
  'copy of ', 'everything you hold about me', 'i am not sure ', 'ninety ', '95 years old', 'Flat 3', 'PO Box 12', 'corner of ',
];
