import type { Principal } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { getPractice } from '../../features/practice/practice.service.js';
import { consentStatus } from '../../features/consent/status.service.js';
import { getVersion, listTemplates } from '../../features/consent/templates.service.js';
import { withdrawConsent } from '../../features/consent/consents.service.js';
import { WITHDRAWAL_WAYS } from '../../features/consent/withdrawal.js';
import { lookupForClient } from '../../features/consent/lookup.service.js';
import { contractWarnings } from '../../features/consent/warnings.js';
import { CHANNELS } from '../../features/consent/channels.js';
import { DISCLOSURE_WHAT } from '../../features/consent/consents.js';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { openStore, withVault } from '../vault-access.js';

const HELP = `sanctum consent — contracting and informed consent

  consent templates [--data DIR] [--json]                 every agreement template version, with hashes
  consent template --id VERSION_ID [--data DIR] [--json]  one version's exact text (byte for byte)
  consent status --client ID [--data DIR] [--json]        agreement, consents, capacity, young person, warnings
  consent warnings --client ID [--data DIR] [--json]      contracting warnings only
  consent withdraw --client ID --consent ID --via in_person|phone|email|letter|portal [--asked-on YYYY-MM-DD] [--json]
                                                          withdraw a consent (effective at once), recording how and when the client asked
  consent lookup --client ID --channel ${CHANNELS.join('|')} [--json]
  consent lookup --client ID --recipient R --purpose P --what ${DISCLOSURE_WHAT.join('|')} [--json]
`;

/** Templates hold no client data, so listing them needs the store but not the unsealed vault. */
async function withOperator<T>(io: CliIo, data: string | undefined, fn: (p: Principal, ctx: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const ctx = await openStore(io, data);
  try {
    const practice = await getPractice(ctx);
    if (!practice) throw new AppError('uninitialised', 'There is no vault here. Create one with "sanctum init".');
    return await fn({ userId: 'cli', practiceId: practice.id, roles: ['operator'] }, ctx);
  } finally {
    await ctx.db.close();
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const common = { data: { type: 'string' as const }, json: { type: 'boolean' as const } };
  switch (sub) {
    case 'templates': {
      const { values: v } = parse('consent templates', rest, common);
      const list = await withOperator(io, v.data, (p, ctx) => listTemplates(ctx, p));
      if (v.json) printJson(io, list);
      else for (const t of list) io.stdout(`${t.templateKey.padEnd(30)} v${String(t.version).padEnd(3)} ${t.status.padEnd(9)} ${t.source.padEnd(8)} ${t.contentHash.slice(0, 16)}  ${t.id}\n`);
      return 0;
    }
    case 'template': {
      const { values: v } = parse('consent template', rest, { ...common, id: { type: 'string' } });
      const id = required('consent template', v.id, 'id');
      const t = await withOperator(io, v.data, (p, ctx) => getVersion(ctx, p, id));
      if (v.json) printJson(io, t);
      else io.stdout(t.body);
      return 0;
    }
    case 'status': {
      const { values: v } = parse('consent status', rest, { ...common, client: { type: 'string' } });
      const client = required('consent status', v.client, 'client');
      const s = await withVault(io, v.data, (ctx, op) => consentStatus(ctx, op, client));
      if (v.json) printJson(io, s);
      else {
        const a = s.agreement;
        io.stdout(a ? `Agreement: ${a.templateKey} v${a.version} — ${a.status}${a.signedAt ? ` ${a.signedAt}` : ''}\n` : 'Agreement: none\n');
        for (const c of s.consents.filter((x) => x.state !== 'superseded')) io.stdout(`  ${c.id}  ${c.kind}${c.channel ? `:${c.channel}` : ''}${c.what ? `:${c.what}` : ''}  ${c.state}${c.withoutCapacity ? ' (given without capacity)' : ''}\n`);
        io.stdout(`Channels allowed now: ${s.allowedChannels.join(', ') || 'none'}\n`);
        for (const w of s.warnings) io.stdout(`${w.severity === 'warn' ? 'WARNING' : 'note'}: ${w.message}\n`);
      }
      return 0;
    }
    case 'warnings': {
      const { values: v } = parse('consent warnings', rest, { ...common, client: { type: 'string' } });
      const client = required('consent warnings', v.client, 'client');
      const list = await withVault(io, v.data, (ctx, op) => contractWarnings(ctx, op, client));
      if (v.json) printJson(io, list);
      else for (const w of list) io.stdout(`${w.severity === 'warn' ? 'WARNING' : 'note'}: ${w.message}\n`);
      return 0;
    }
    case 'withdraw': {
      const { values: v } = parse('consent withdraw', rest, { ...common, client: { type: 'string' }, consent: { type: 'string' }, via: { type: 'string' }, 'asked-on': { type: 'string' } });
      const client = required('consent withdraw', v.client, 'client');
      const consent = required('consent withdraw', v.consent, 'consent');
      const via = required('consent withdraw', v.via, 'via');
      if (!(WITHDRAWAL_WAYS as readonly string[]).includes(via)) throw new UsageError(`consent withdraw: --via: expected one of ${WITHDRAWAL_WAYS.join(', ')}`);
      const c = await withVault(io, v.data, (ctx, op) => withdrawConsent(ctx, op, client, consent, { via, askedOn: v['asked-on'] ?? null }));
      if (v.json) printJson(io, c);
      else io.stdout(`Withdrawn: ${c.kind}${c.channel ? `:${c.channel}` : ''} at ${c.withdrawnAt}\n`);
      return 0;
    }
    case 'lookup': {
      const { values: v } = parse('consent lookup', rest, {
        ...common, client: { type: 'string' }, channel: { type: 'string' }, recipient: { type: 'string' }, purpose: { type: 'string' }, what: { type: 'string' },
      });
      const client = required('consent lookup', v.client, 'client');
      if (v.channel !== undefined) {
        if (!(CHANNELS as readonly string[]).includes(v.channel)) throw new UsageError(`consent lookup: field "channel": expected one of ${CHANNELS.join(', ')}`);
      } else {
        required('consent lookup', v.recipient, 'recipient');
        required('consent lookup', v.purpose, 'purpose');
        if (!(DISCLOSURE_WHAT as readonly string[]).includes(v.what ?? '')) throw new UsageError(`consent lookup: field "what": expected one of ${DISCLOSURE_WHAT.join(', ')}`);
      }
      const q = v.channel !== undefined ? { channel: v.channel } : { recipient: v.recipient ?? '', purpose: v.purpose ?? '', what: v.what ?? '' };
      const answer = await withVault(io, v.data, (ctx, op) => lookupForClient(ctx, op, client, q));
      if (v.json) printJson(io, answer);
      else {
        const yes = 'allowed' in answer ? answer.allowed : answer.found;
        io.stdout(`${yes ? 'Yes' : 'No'} (${answer.reason})${answer.consent ? ` — consent ${answer.consent.id} recorded ${answer.consent.recordedAt}` : ''}\n`);
      }
      return 0;
    }
    case undefined:
    case '--help':
    case '-h':
      io.stdout(HELP);
      return sub === undefined ? 2 : 0;
    default:
      throw new UsageError(`consent: unknown subcommand "${sub}" (expected templates, template, status, warnings, withdraw or lookup)`);
  }
}
