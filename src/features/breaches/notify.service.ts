/** Recording who was told (or why not), and closing a breach once every duty is settled. */
import type { Principal } from '../../core/access.js';
import { conflict, invalidInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { appendAudit } from '../../audit/audit.service.js';
import { writeTx } from '../../db/tx.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../clients/case-access.js';
import { isCivilDate } from '../deadlines/civil-date.js';
import { AUDIENCES, CHANNELS, type Audience, type Breach, checkEnum, checkText } from './breaches.js';
import { requireBreach, seal } from './breach-access.js';
import { type WithClocks, toBreach } from './breach-view.js';
import { channelConsented } from './consent-bridge.js';
import * as repo from './breaches.repository.js';

export interface NotificationInput {
  audience: string;
  clientId?: string | null;
  decision: 'sent' | 'not_notified';
  sentOn?: string;
  channel?: string;
  reason?: string;
}

export async function recordNotification(ctx: AppContext, p: Principal, id: string, input: NotificationInput): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is closed.');
  const audience = checkEnum(input.audience, AUDIENCES, 'audience') as Audience;
  const decision = checkEnum(input.decision, ['sent', 'not_notified'] as const, 'decision');
  const clientId = input.clientId ?? null;
  if (audience !== 'individual' && clientId) throw invalidInput('clientId', 'Only a notice to an individual names a client.');
  if (clientId && !(await repo.affectedOf(ctx.db.kysely, id)).some((a) => a.clientId === clientId)) throw invalidInput('clientId', 'That client is not listed as affected.');
  if (audience === 'individual' && decision === 'sent' && !clientId) throw invalidInput('clientId', 'Record each client notice against the client.');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  let sentOn: string | null = null;
  let channel: string | null = null;
  let reason: string | null = null;
  if (decision === 'sent') {
    if (!isCivilDate(input.sentOn) || input.sentOn > today) throw invalidInput('sentOn', 'expected the date it was sent, YYYY-MM-DD, not in the future');
    sentOn = input.sentOn;
    channel = checkEnum(input.channel, CHANNELS, 'channel');
    const consent = clientId ? await channelConsented(ctx, clientId, channel) : null;
    // An explicit refusal or withdrawal binds; a channel never asked about is not a refusal.
    if (consent && !consent.allowed && consent.reason !== 'not_asked') {
      throw invalidInput('channel', `The client has not agreed to be contacted by ${channel} (${consent.reason.replace(/_/g, ' ')}): use a channel they consented to, or record why another was needed as a decision.`);
    }
  } else {
    reason = checkText(input.reason, 'reason', 5000);
  }
  await writeTx(ctx.db, async (trx) => {
    const nid = newId();
    await repo.insertNotification(trx, {
      id: nid, breach_id: id, audience, client_id: clientId, decision, sent_on: sentOn, channel,
      reason_enc: reason ? seal(ctx, reason, 'breach_notifications', nid, 'reason') : null, recorded_by: p.userId, created_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.notify', targetType: 'breach', targetId: id, details: { audience, decision, channel, clientId } });
  });
  return toBreach(ctx, (await repo.breachById(ctx.db.kysely, p.practiceId, id)) as repo.BreachRow);
}

/** A breach closes only once assessed and every required notice is sent or decided against, with reasons. */
export async function closeBreach(ctx: AppContext, p: Principal, id: string): Promise<WithClocks<Breach>> {
  const row = await requireBreach(ctx, p, id);
  if (row.status === 'closed') throw conflict('This breach is already closed.');
  const b = await toBreach(ctx, row);
  if (!b.assessment) throw conflict('Record the risk assessment before closing the breach.');
  const open = b.clocks.filter((c) => c.required && (c.state === 'running' || c.state === 'overdue'));
  if (open.length) throw conflict(`Record the notification (or the decision not to notify, with reasons) for: ${open.map((c) => c.audience).join(', ')}.`);
  await writeTx(ctx.db, async (trx) => {
    await repo.updateBreach(trx, id, { status: 'closed', closed_at: ctx.clock.now().toISOString(), closed_by: p.userId });
    await appendAudit(trx, ctx.clock, actorOf(p), { action: 'breach.close', targetType: 'breach', targetId: id, details: { reference: row.reference, outcome: row.outcome } });
  });
  return toBreach(ctx, (await repo.breachById(ctx.db.kysely, p.practiceId, id)) as repo.BreachRow);
}
