import type { AppContext } from '../../context.js';
import type { Principal } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { userByEmail } from '../../features/auth/auth.repository.js';
import { type BreakGlass, type Relationship, addRelationship, endRelationship, listBreakGlass, listRelationships } from '../../features/organisation/organisation.service.js';
import type { RelationshipKind } from '../../features/organisation/organisation.tables.js';
import { VERDICTS, type Verdict } from '../../features/staff/access-review.js';
import { acknowledgeReview, listAccessReviews } from '../../features/staff/access-review.service.js';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { withVault } from '../vault-access.js';

/** A colleague named by id or by sign-in email; both must belong to the vault's practice. */
async function colleague(ctx: AppContext, op: Principal, who: string): Promise<string> {
  if (!who.includes('@')) return who;
  const u = await userByEmail(ctx.db.kysely, who);
  if (!u || u.practiceId !== op.practiceId) throw notFound('colleague');
  return u.id;
}

const relLine = (r: Relationship) =>
  `${r.id}  ${r.inForce ? 'in force' : r.endedAt ? 'ended   ' : 'not now '}  ${r.startsOn} to ${r.endsOn ?? 'open-ended'}  ${r.holderName ?? r.holderId} ${r.kind === 'cover' ? 'covers for' : 'supervises'} ${r.subjectName ?? r.subjectId}`;

/** sanctum cover add|end|list and sanctum supervision add|end|list. */
async function relationships(kind: RelationshipKind, args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const command = `${kind} ${sub ?? ''}`.trim();
  const holderFlag = kind === 'cover' ? 'by' : 'supervisor';
  const subjectFlag = kind === 'cover' ? 'for' : 'supervisee';
  switch (sub) {
    case 'add': {
      const { values: v } = parse(command, rest, {
        data: { type: 'string' }, json: { type: 'boolean' }, [holderFlag]: { type: 'string' }, [subjectFlag]: { type: 'string' },
        from: { type: 'string' }, until: { type: 'string' }, reason: { type: 'string' },
      });
      const values = v as Record<string, string | boolean | undefined>;
      const holder = required(command, values[holderFlag] as string | undefined, holderFlag);
      const subject = required(command, values[subjectFlag] as string | undefined, subjectFlag);
      const reason = required(command, v.reason as string | undefined, 'reason');
      const r = await withVault(io, v.data as string | undefined, async (ctx, op) => addRelationship(ctx, op, kind, {
        holderId: await colleague(ctx, op, holder), subjectId: await colleague(ctx, op, subject), startsOn: (v.from as string | undefined) ?? null, endsOn: (v.until as string | undefined) ?? null, reason,
      }));
      if (v.json) printJson(io, r);
      else io.stdout(`Recorded.\n${relLine(r)}\n`);
      return 0;
    }
    case 'end': {
      const { values: v } = parse(command, rest, { data: { type: 'string' }, json: { type: 'boolean' }, id: { type: 'string' } });
      const id = required(command, v.id, 'id');
      const r = await withVault(io, v.data, (ctx, op) => endRelationship(ctx, op, kind, id));
      if (v.json) printJson(io, r);
      else io.stdout(`Ended.\n${relLine(r)}\n`);
      return 0;
    }
    case 'list': {
      const { values: v } = parse(command, rest, { data: { type: 'string' }, json: { type: 'boolean' } });
      const list = await withVault(io, v.data, (ctx, op) => listRelationships(ctx, op, kind));
      if (v.json) printJson(io, list);
      else io.stdout(list.length ? list.map(relLine).join('\n') + '\n' : `No ${kind} recorded.\n`);
      return 0;
    }
    default:
      throw new UsageError(`${kind}: expected one of add, end, list`);
  }
}

const glassLine = (g: BreakGlass & { review?: string }) =>
  `${g.id}  ${g.active ? 'active ' : 'ended  '}  ${g.startedAt} to ${g.endedAt ?? g.expiresAt}  ${g.userName ?? g.userId}  case ${g.caseCode}  ${g.categoryWords}${g.review ? `  review: ${g.review}` : ''}`;

/** sanctum breakglass list|review: emergency accesses, and their review. */
async function breakGlass(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const command = `breakglass ${sub ?? ''}`.trim();
  switch (sub) {
    case 'list': {
      const { values: v } = parse(command, rest, { data: { type: 'string' }, json: { type: 'boolean' } });
      const out = await withVault(io, v.data, async (ctx, op) => {
        const [list, reviews] = await Promise.all([listBreakGlass(ctx, op), listAccessReviews(ctx, op)]);
        return list.map((g) => {
          const r = reviews.find((x) => x.breakGlassId === g.id);
          return { ...g, reviewId: r?.id ?? null, verdict: r?.verdict ?? null, review: r ? (r.verdict ?? 'waiting') : 'waiting' };
        });
      });
      if (v.json) printJson(io, out.map(({ review: _review, ...g }) => g));
      else io.stdout(out.length ? out.map(glassLine).join('\n') + '\n' : 'No emergency access has been used.\n');
      return 0;
    }
    case 'review': {
      const { values: v } = parse(command, rest, { data: { type: 'string' }, json: { type: 'boolean' }, id: { type: 'string' }, verdict: { type: 'string' }, notes: { type: 'string' } });
      const id = required(command, v.id, 'id (the emergency access)');
      const verdict = required(command, v.verdict, `verdict (${VERDICTS.join('|')})`);
      if (!VERDICTS.includes(verdict as Verdict)) throw new UsageError(`breakglass review: --verdict is ${VERDICTS.join(' or ')}`);
      const notes = required(command, v.notes, 'notes');
      const out = await withVault(io, v.data, async (ctx, op) => {
        const review = (await listAccessReviews(ctx, op)).find((r) => r.breakGlassId === id || r.id === id);
        if (!review) throw notFound('emergency access');
        return acknowledgeReview(ctx, op, review.id, { verdict: verdict as Verdict, notes });
      });
      if (v.json) printJson(io, out);
      else io.stdout(`Review recorded: ${out.verdict === 'appropriate' ? 'appropriate' : 'not appropriate'}.\n`);
      return 0;
    }
    default:
      throw new UsageError('breakglass: expected one of list, review');
  }
}

export const runCover = (args: string[], io: CliIo) => relationships('cover', args, io);
export const runSupervision = (args: string[], io: CliIo) => relationships('supervision', args, io);
export const runBreakGlass = breakGlass;
