import type { Principal } from '../../core/access.js';
import { isAppError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { userByEmail } from '../../features/auth/auth.repository.js';
import { REASSIGN_REASONS } from '../../features/caseload/caseload.js';
import { reassignCaseload, reassignClient } from '../../features/caseload/caseload.service.js';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { withVault } from '../vault-access.js';

const COMMAND = 'staff reassign';
const FLAG_OF: Record<string, string> = { fromUserId: '--from', toUserId: '--to', reason: '--reason' };

/** A colleague by id or sign-in email; an email nobody in the practice signs in with is bad input. */
async function resolve(ctx: AppContext, op: Principal, who: string, flag: string): Promise<string> {
  if (!who.includes('@')) return who;
  const u = await userByEmail(ctx.db.kysely, who);
  if (!u || u.practiceId !== op.practiceId) throw new UsageError(`${COMMAND}: ${flag}: no colleague signs in with that email in this practice`);
  return u.id;
}

/** The service names API fields; at the command line the person typed flags, so name those. */
function asUsage(e: unknown): unknown {
  if (isAppError(e) && e.code === 'invalid_input' && e.field && FLAG_OF[e.field]) return new UsageError(`${COMMAND}: ${FLAG_OF[e.field]}: ${e.message}`);
  return e;
}

/**
 * `sanctum staff reassign --from USER --to USER --reason CODE [--client ID] [--include-closed]`:
 * move one client (with --client), or every open client a colleague holds (closed ones too with
 * --include-closed), to another practitioner.
 */
export async function reassign(rest: string[], io: CliIo): Promise<number> {
  const { values: v } = parse(COMMAND, rest, {
    data: { type: 'string' }, json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' },
    client: { type: 'string' }, 'include-closed': { type: 'boolean' },
  });
  const fromIn = required(COMMAND, v.from, 'from');
  const toIn = required(COMMAND, v.to, 'to');
  const reason = required(COMMAND, v.reason, `reason (${REASSIGN_REASONS.join('|')})`);
  if (!(REASSIGN_REASONS as readonly string[]).includes(reason)) throw new UsageError(`${COMMAND}: --reason: expected one of ${REASSIGN_REASONS.join(', ')}`);
  if (v.client !== undefined && v['include-closed']) throw new UsageError(`${COMMAND}: --include-closed applies to a whole caseload; leave it out with --client`);
  const out = await withVault(io, v.data, async (ctx, op) => {
    const [from, to] = [await resolve(ctx, op, fromIn, '--from'), await resolve(ctx, op, toIn, '--to')];
    try {
      if (v.client !== undefined) return { kind: 'client' as const, value: await reassignClient(ctx, op, v.client, to, reason, { fromUserId: from }) };
      return { kind: 'caseload' as const, value: await reassignCaseload(ctx, op, from, to, reason, { includeClosed: v['include-closed'] }) };
    } catch (e) {
      throw asUsage(e);
    }
  });
  if (v.json) printJson(io, out.value);
  else if (out.kind === 'client') io.stdout(`Moved client ${out.value.clientId} (case ${out.value.caseCode}) to ${toIn}. ${fromIn} can no longer open it.\n`);
  else {
    const { counts, remaining } = out.value;
    io.stdout(`Moved ${counts.open + counts.closed} client(s) (${counts.open} open, ${counts.closed} closed) from ${fromIn} to ${toIn}.\n`);
    if (remaining.closed > 0) io.stdout(`${remaining.closed} closed client(s) stay with ${fromIn}; add --include-closed to move them too.\n`);
  }
  return 0;
}
