import type { Principal, Role } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { userByEmail } from '../../features/auth/auth.repository.js';
import { DISABLE_REASONS, PASSWORD_RESET_REASONS, RESET_REASONS, UNLOCK_REASONS } from '../../features/staff/staff.js';
import { type StaffMember, addColleagueWithTemporaryPassword, disableStaff, enableStaff, listStaff, resetPassword, resetSecondFactor, unlockStaff, updateStaff } from '../../features/staff/staff.service.js';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { withVault } from '../vault-access.js';
import { reassign } from './staff-reassign.js';

const USAGE = 'staff: expected one of add, list, disable, enable, unlock, reset-2fa, reset-password, roles, reassign';
const common = { data: { type: 'string' as const }, json: { type: 'boolean' as const }, user: { type: 'string' as const } };

/** A colleague named by id or by sign-in email; both must belong to the vault's practice. */
async function resolveUser(ctx: AppContext, op: Principal, who: string): Promise<string> {
  if (!who.includes('@')) return who;
  const u = await userByEmail(ctx.db.kysely, who);
  if (!u || u.practiceId !== op.practiceId) throw notFound('colleague');
  return u.id;
}

const line = (m: StaffMember) =>
  `${m.id}  ${m.status.padEnd(12)}  ${m.roles.join(',').padEnd(19)}  ${String(m.caseload.open).padStart(4)} open  ${m.displayName} <${m.email}>${m.lockedUntil ? `  locked until ${m.lockedUntil}` : ''}`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const command = `staff ${sub ?? ''}`.trim();
  const show = (json: boolean | undefined, m: StaffMember, said: string) => (json ? printJson(io, m) : io.stdout(`${said}\n${line(m)}\n`));
  switch (sub) {
    case 'add': {
      const { values: v } = parse(command, rest, { data: common.data, json: common.json, email: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, team: { type: 'string' } });
      const email = required(command, v.email, 'email');
      const name = required(command, v.name, 'name');
      const roles = required(command, v.roles, 'roles (comma-separated: practitioner, admin, supervisor, reception, clinical_lead, dpo)').split(',').map((r) => r.trim()).filter(Boolean) as Role[];
      const out = await withVault(io, v.data, (ctx, op) => addColleagueWithTemporaryPassword(ctx, op, { email, displayName: name, roles, team: v.team }));
      if (v.json) printJson(io, { id: out.id, temporaryPassword: out.temporaryPassword, expiresAt: out.expiresAt, teamId: out.teamId });
      else {
        io.stdout(`Added ${name} <${email}> as ${roles.join(', ')}${out.teamId ? ' in the team given' : ''}. Their id: ${out.id}\n`);
        io.stdout(`Temporary password, shown only now; hand it over in person:\n  ${out.temporaryPassword}\nAt their first sign-in they set up their second factor and choose a new password. It stops working at ${out.expiresAt}.\n`);
      }
      return 0;
    }
    case 'list': {
      const { values: v } = parse(command, rest, { data: common.data, json: common.json });
      const team = await withVault(io, v.data, (ctx, op) => listStaff(ctx, op));
      if (v.json) printJson(io, team);
      else for (const m of team) io.stdout(line(m) + '\n');
      return 0;
    }
    case 'disable': {
      const { values: v } = parse(command, rest, { ...common, reason: { type: 'string' } });
      const who = required(command, v.user, 'user');
      const reason = required(command, v.reason, `reason (${DISABLE_REASONS.join('|')})`);
      const m = await withVault(io, v.data, async (ctx, op) => disableStaff(ctx, op, await resolveUser(ctx, op, who), reason));
      const move = m.caseload.open + m.caseload.closed > 0 ? ` Move them to a colleague with: sanctum staff reassign --from ${who} --to USER --reason practitioner_left` : '';
      show(v.json, m, `Disabled; ${m.sessionsEnded} session(s) ended. They still hold ${m.caseload.open} open and ${m.caseload.closed} closed client(s).${move}`);
      return 0;
    }
    case 'enable': {
      const { values: v } = parse(command, rest, common);
      const who = required(command, v.user, 'user');
      show(v.json, await withVault(io, v.data, async (ctx, op) => enableStaff(ctx, op, await resolveUser(ctx, op, who))), 'Enabled.');
      return 0;
    }
    case 'unlock': {
      const { values: v } = parse(command, rest, { ...common, reason: { type: 'string' } });
      const who = required(command, v.user, 'user');
      const reason = required(command, v.reason, `reason (${UNLOCK_REASONS.join('|')})`);
      show(v.json, await withVault(io, v.data, async (ctx, op) => unlockStaff(ctx, op, await resolveUser(ctx, op, who), reason)), 'Unlocked.');
      return 0;
    }
    case 'reset-2fa': {
      const { values: v } = parse(command, rest, { ...common, reason: { type: 'string' } });
      const who = required(command, v.user, 'user');
      const reason = required(command, v.reason, `reason (${RESET_REASONS.join('|')})`);
      const out = await withVault(io, v.data, async (ctx, op) => resetSecondFactor(ctx, op, await resolveUser(ctx, op, who), reason));
      if (v.json) printJson(io, out);
      else {
        io.stdout(`Second factor reset; ${out.sessionsEnded} session(s) ended. They set up a new one at their next sign-in.\n`);
        io.stdout('New recovery codes, shown only now; hand them over in person:\n' + out.recoveryCodes.map((c) => `  ${c}\n`).join(''));
      }
      return 0;
    }
    case 'reset-password': {
      const { values: v } = parse(command, rest, { ...common, reason: { type: 'string' } });
      const who = required(command, v.user, 'user');
      const reason = required(command, v.reason, `reason (${PASSWORD_RESET_REASONS.join('|')})`);
      const out = await withVault(io, v.data, async (ctx, op) => resetPassword(ctx, op, await resolveUser(ctx, op, who), reason));
      if (v.json) printJson(io, out);
      else {
        io.stdout(`Password reset; ${out.sessionsEnded} session(s) ended. They must choose a new password at their next sign-in.\n`);
        io.stdout(`Temporary password, shown only now; hand it over in person:\n  ${out.temporaryPassword}\nIt stops working at ${out.expiresAt}.\n`);
        io.stdout(out.secondFactor
          ? 'Their second factor is unchanged: they still need their authenticator app. If that is lost too, also run: sanctum staff reset-2fa\n'
          : 'They have no second factor yet and will set one up at that sign-in.\n');
      }
      return 0;
    }
    case 'roles': {
      const { values: v } = parse(command, rest, { ...common, set: { type: 'string' } });
      const who = required(command, v.user, 'user');
      const roles = required(command, v.set, 'set (comma-separated: practitioner,admin)').split(',').map((r) => r.trim()).filter(Boolean) as Role[];
      show(v.json, await withVault(io, v.data, async (ctx, op) => updateStaff(ctx, op, await resolveUser(ctx, op, who), { roles })), 'Roles changed.');
      return 0;
    }
    case 'reassign':
      return reassign(rest, io);
    default:
      throw new UsageError(USAGE);
  }
}
