import { invalidInput } from '../../core/errors.js';

/**
 * The address clients reach this practice's Sanctum on (e.g. https://records.riverside.example),
 * from SANCTUM_PUBLIC_URL or `sanctum serve --public-url`. Links sent to clients are built on it:
 * the address the practitioner's own browser used may be `localhost` or an office-only name.
 */
export function checkPublicUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw invalidInput('publicUrl', 'The public address must be a full web address, such as https://records.example.org.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalidInput('publicUrl', 'The public address must start with https:// (or http:// on a private network).');
  if (u.search || u.hash || u.username || u.password) throw invalidInput('publicUrl', 'The public address must be just the site address, with no query, fragment or password.');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** The full link to give a client, or null when the practice has no public address set. */
export function clientLink(publicUrl: string | null | undefined, path: string): string | null {
  return publicUrl ? `${publicUrl}${path}` : null;
}
