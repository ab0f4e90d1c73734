/**
 * The consent lookup other features call before they act: may we contact this client this way,
 * and has the client agreed to this particular disclosure? Each answer carries the consent record
 * that justifies it (or the one that stops it), so the caller can cite it in its own audit entry.
 * Every call reads the stored state, so a withdrawal takes effect at once, everywhere.
 *
 * These functions do not check the caller's access: the calling feature has already passed
 * `requireCase` for the action it is taking.
 */
import { AppError, notFound } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { caseForClient } from '../clients/clients.repository.js';
import { type Channel, CHANNELS, checkChannelName } from './channels.js';
import { type ConsentRecord, type DisclosureWhat, disclosureCovers } from './consents.js';
import { readConsents } from './consents.service.js';

export type LookupReason = 'consented' | 'refused' | 'withdrawn' | 'expired' | 'without_capacity' | 'not_asked' | 'erased';

export interface ContactAnswer {
  channel: Channel;
  allowed: boolean;
  reason: LookupReason;
  consent: ConsentRecord | null;
}

export interface DisclosureAnswer {
  found: boolean;
  reason: LookupReason;
  consent: ConsentRecord | null;
}

async function consentsOf(ctx: AppContext, clientId: string): Promise<ConsentRecord[] | 'erased'> {
  const c = await caseForClient(ctx.db.kysely, clientId);
  if (!c) throw notFound('client');
  if (c.erasedAt) return 'erased';
  return readConsents(ctx, ctx.db.kysely, clientId, c.caseCode, ctx.clock.now().toISOString().slice(0, 10));
}

function reasonOf(c: ConsentRecord): LookupReason {
  if (c.state === 'active') return c.withoutCapacity ? 'without_capacity' : 'consented';
  if (c.state === 'refused') return 'refused';
  if (c.state === 'expired') return 'expired';
  return 'withdrawn';
}

export async function mayContact(ctx: AppContext, clientId: string, channel: Channel | string): Promise<ContactAnswer> {
  const ch = checkChannelName(channel);
  const all = await consentsOf(ctx, clientId);
  if (all === 'erased') return { channel: ch, allowed: false, reason: 'erased', consent: null };
  const current = all.filter((c) => c.kind === 'channel' && c.channel === ch && c.state !== 'superseded').at(-1) ?? null;
  if (!current) return { channel: ch, allowed: false, reason: 'not_asked', consent: null };
  const reason = reasonOf(current);
  return { channel: ch, allowed: reason === 'consented', reason, consent: current };
}

/** The channels that may be offered for this client right now (a withdrawn one drops out at once). */
export async function allowedChannels(ctx: AppContext, clientId: string): Promise<Channel[]> {
  const out: Channel[] = [];
  for (const ch of CHANNELS) if ((await mayContact(ctx, clientId, ch)).allowed) out.push(ch);
  return out;
}

export async function findDisclosureConsent(ctx: AppContext, clientId: string, q: { recipient: string; purpose: string; what: DisclosureWhat }): Promise<DisclosureAnswer> {
  if (!q.recipient?.trim() || !q.purpose?.trim()) throw new AppError('invalid_input', 'Say who the recipient is and what the disclosure is for.', q.recipient?.trim() ? 'purpose' : 'recipient');
  const all = await consentsOf(ctx, clientId);
  if (all === 'erased') return { found: false, reason: 'erased', consent: null };
  const covering = all.filter((c) => c.kind === 'disclosure' && disclosureCovers(c, q));
  const usable = covering.filter((c) => c.state === 'active' && !c.withoutCapacity).at(-1);
  if (usable) return { found: true, reason: 'consented', consent: usable };
  const blocked = covering.at(-1);
  return blocked ? { found: false, reason: reasonOf(blocked), consent: blocked } : { found: false, reason: 'not_asked', consent: null };
}
