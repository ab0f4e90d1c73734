/**
 * The password for a client's copy of their records, as words that can be read out over the phone:
 * five words from a short list of common, concrete, inoffensive words, none of which sound like
 * another on the list or are spelled differently in British and American English. Randomness
 * comes from the platform's cryptographic generator (Web Crypto), with rejection sampling so that
 * every word is equally likely.
 *
 * At most 32 characters: an AES-256 PDF (revision 5, all pdfkit writes) opens in Poppler-based
 * readers only with a password of up to 32 bytes, though the standard allows 127. That leaves
 * about 41 bits, and revision 5 checks a password with one SHA-256, so the password protects the
 * file in transit and at rest with the client, not against a determined offline attack: it is
 * handed over separately and the files are not for public places.
 */
export const PASSPHRASE_WORDS: readonly string[] = [
  'acorn', 'actor', 'adult', 'agent', 'album', 'alley', 'amber', 'anchor', 'angle', 'ankle', 'apple',
  'apron', 'arch', 'arena', 'arrow', 'artist', 'atlas', 'attic', 'autumn', 'avenue', 'badge', 'bagel',
  'baker', 'balcony', 'ballet', 'bamboo', 'banana', 'banjo', 'banner', 'barley', 'barn', 'barrel', 'basket',
  'beacon', 'beaver', 'bedroom', 'beetle', 'bell', 'bench', 'berry', 'bicycle', 'biscuit', 'blanket',
  'blossom', 'blue', 'boat', 'bonnet', 'bottle', 'boulder', 'branch', 'bread', 'breeze', 'brick', 'bridge',
  'brook', 'broom', 'bucket', 'buffalo', 'bugle', 'bundle', 'butter', 'button', 'cabin', 'cactus', 'camel',
  'camera', 'candle', 'canoe', 'canyon', 'captain', 'carbon', 'cargo', 'carpet', 'carrot', 'castle',
  'cattle', 'cedar', 'celery', 'cellar', 'chalk', 'chapel', 'cheese', 'cherry', 'chess', 'chimney',
  'cinema', 'circus', 'citrus', 'clarinet', 'cliff', 'clock', 'cloud', 'clover', 'coast', 'cobalt',
  'coconut', 'coffee', 'comet', 'compass', 'copper', 'coral', 'cotton', 'cousin', 'crayon', 'cricket',
  'crystal', 'cupboard', 'curtain', 'cushion', 'cycle', 'daisy', 'dancer', 'diary',
  'dinner', 'dolphin', 'domino', 'donkey', 'dragon', 'drawer', 'dream', 'drum', 'eagle', 'easel', 'echo',
  'eclipse', 'elbow', 'ember', 'emerald', 'engine', 'falcon', 'feather', 'fern', 'fiddle', 'field',
  'finch', 'flame', 'flannel', 'flute', 'forest', 'fossil', 'fountain', 'fox', 'frame', 'galaxy', 'garden',
  'garlic', 'gazelle', 'geyser', 'ginger', 'giraffe', 'glacier', 'globe', 'glove', 'granite', 'grape',
  'gravel', 'guitar', 'gull', 'hammer', 'harvest', 'hazel', 'hedge', 'helmet', 'heron', 'hiker', 'honey',
  'hoof', 'horizon', 'hornet', 'iceberg', 'igloo', 'island', 'ivory', 'jacket', 'jasmine', 'jelly', 'jigsaw',
  'journal', 'jungle', 'kayak', 'kettle', 'kitten', 'kiwi', 'ladder', 'lagoon', 'lake', 'lantern', 'laptop',
  'lemon', 'lentil', 'lettuce', 'library', 'lily', 'linen', 'lizard', 'lobster', 'locket', 'lotus', 'lumber',
  'magnet', 'mango', 'maple', 'marble', 'market', 'meadow', 'melon', 'meteor', 'mirror', 'mitten', 'monkey',
  'moose', 'mosaic', 'moss', 'motor', 'muffin', 'museum', 'mustard', 'napkin', 'nectar', 'needle', 'nest',
  'noodle', 'nugget', 'nutmeg', 'oasis', 'ocean', 'olive', 'onion', 'orange', 'orbit', 'orchard', 'orchid',
  'otter', 'oven', 'owl', 'oyster', 'paddle', 'palace', 'panda', 'panther', 'paper', 'parade', 'parrot',
  'pasta', 'pebble', 'pelican', 'pencil', 'pepper', 'piano', 'pickle', 'pigeon', 'pillow', 'pilot', 'pine',
  'planet', 'plum', 'pocket', 'pony', 'poppy', 'potato', 'pottery', 'prairie', 'pumpkin', 'puzzle', 'quartz',
  'quilt', 'rabbit', 'radar', 'radish', 'raft', 'rainbow', 'raisin', 'raven', 'recipe', 'reef', 'ribbon',
  'river', 'robin', 'rocket', 'saddle', 'sailor', 'salmon', 'sandal', 'saucer', 'scarf', 'school', 'scooter',
  'seashell', 'sesame', 'shadow', 'shelf', 'shovel', 'silver', 'singer', 'sketch', 'sled', 'slipper',
  'snail', 'sparrow', 'spider', 'spinach', 'sponge', 'spoon', 'spruce', 'squash', 'squirrel', 'stable',
  'stamp', 'starfish', 'statue', 'stream', 'summit', 'sunset', 'swan', 'sweater', 'tablet', 'tangerine',
  'teapot', 'tennis', 'thimble', 'thistle', 'thunder', 'ticket', 'tiger', 'timber', 'toast', 'tomato',
  'tortoise', 'towel', 'tower', 'tractor', 'trail', 'trumpet', 'tulip', 'tunnel', 'turnip', 'turtle',
  'umbrella', 'valley', 'vanilla', 'velvet', 'violin', 'volcano', 'wagon', 'walnut', 'walrus', 'wander',
  'weaver', 'whale', 'wheat', 'whistle', 'willow', 'window', 'winter', 'wizard', 'wool', 'yacht', 'yogurt',
  'zebra', 'zipper'
];

export const PASSPHRASE_WORD_COUNT = 5;
export const PASSPHRASE_MAX_LENGTH = 32;

function uniform(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0] < limit) return buf[0] % n;
  }
}

/** e.g. "maple river copper owl orbit". */
export function newReadablePassphrase(words = PASSPHRASE_WORD_COUNT): string {
  for (;;) {
    const p = Array.from({ length: words }, () => PASSPHRASE_WORDS[uniform(PASSPHRASE_WORDS.length)]).join(' ');
    if (p.length <= PASSPHRASE_MAX_LENGTH) return p;
  }
}
