/**
 * Client notices go only by channels the client agreed to (the consent feature's `mayContact`).
 * Channels outside the consent vocabulary (in person, the client's own portal) need no channel
 * consent: they answer null.
 */
import type { AppContext } from '../../context.js';
import { CHANNELS as CONSENT_CHANNELS } from '../consent/channels.js';
import { mayContact } from '../consent/lookup.js';

export async function channelConsented(ctx: AppContext, clientId: string, channel: string): Promise<{ allowed: boolean; reason: string } | null> {
  if (!(CONSENT_CHANNELS as readonly string[]).includes(channel)) return null;
  const a = await mayContact(ctx, clientId, channel);
  return { allowed: a.allowed, reason: a.reason };
}
