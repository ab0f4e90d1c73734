import { invalidInput } from '../../core/errors.js';
import type { Channel } from './channels.js';

/** A signature: a typed name plus either the typed name again as the mark, or a drawn PNG. */
export interface SignatureInput {
  name: string;
  method: 'typed' | 'drawn';
  image?: string;
  signer?: 'client' | 'parent';
}

export interface Choices {
  records: boolean;
  supervision: boolean;
  channels: Partial<Record<Channel, boolean>>;
}

const PNG_PREFIX = 'data:image/png;base64,';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_SIGNATURE_BYTES = 300_000;

export function checkSignature(s: Partial<SignatureInput>): SignatureInput {
  const name = (s.name ?? '').trim();
  if (!name || name.length > 200) throw invalidInput('name', 'Type your full name (up to 200 characters).');
  const signer = s.signer ?? 'client';
  if (signer !== 'client' && signer !== 'parent') throw invalidInput('signer', 'expected one of client, parent');
  if (s.method === 'typed') {
    if (s.image) throw invalidInput('image', 'A typed signature has no drawing.');
    return { name, method: 'typed', signer };
  }
  if (s.method !== 'drawn') throw invalidInput('method', 'expected one of typed, drawn');
  const image = s.image ?? '';
  if (!image.startsWith(PNG_PREFIX)) throw invalidInput('image', 'Draw your signature in the box.');
  const bytes = Buffer.from(image.slice(PNG_PREFIX.length), 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) throw invalidInput('image', 'The drawn signature is too large.');
  if (bytes.length < 60 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) throw invalidInput('image', 'The drawn signature is not a PNG image.');
  return { name, method: 'drawn', image: PNG_PREFIX + bytes.toString('base64'), signer };
}

/** Every channel offered needs a yes or no, and nothing that was not offered can be agreed to. */
export function checkChoices(c: Partial<Choices> | undefined, offered: Channel[]): Choices {
  if (!c || typeof c.records !== 'boolean') throw invalidInput('choices.records', 'Answer yes or no about keeping records.');
  if (typeof c.supervision !== 'boolean') throw invalidInput('choices.supervision', 'Answer yes or no about supervision.');
  const channels = c.channels ?? {};
  for (const k of Object.keys(channels)) {
    if (!offered.includes(k as Channel)) throw invalidInput(`choices.channels.${k}`, 'That way of keeping in touch was not offered in this agreement.');
  }
  for (const ch of offered) {
    if (typeof channels[ch] !== 'boolean') throw invalidInput(`choices.channels.${ch}`, 'Answer yes or no for each way of keeping in touch.');
  }
  return { records: c.records, supervision: c.supervision, channels };
}
