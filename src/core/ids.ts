import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

// No 0/O/1/I/L: case codes are read aloud and written on paper.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A pseudonymous case code such as "C-7KQ4-M2XD": random, never derived from identity. */
export function newCaseCode(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return `C-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** An unguessable token for links and sessions (256 bits, URL-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');
