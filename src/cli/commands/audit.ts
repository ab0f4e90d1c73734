import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { openStore, withVault } from '../vault-access.js';
import { verifyAudit } from '../../audit/audit.service.js';
import { type Checkpoint, createCheckpoint, verifyCheckpoint } from '../../audit/checkpoint.js';

/**
 * sanctum audit verify [--data DIR] [--checkpoint FILE [--public-key FILE]] [--json]
 * sanctum audit checkpoint [--data DIR] --out FILE
 * Verification needs no passphrase: the chain is hashes of ids, never content.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') {
    const { values: v } = parse('audit verify', rest, { data: { type: 'string' }, checkpoint: { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean' } });
    const checkpoint = v.checkpoint ? readCheckpoint(v.checkpoint) : undefined;
    const trusted = v['public-key'] ? readText(v['public-key'], 'public-key') : undefined;
    const ctx = await openStore(io, v.data);
    try {
      const progress = (n: number) => { if (!v.json) io.stderr(`  verified ${n.toLocaleString('en-GB')} entries…\n`); };
      const result = await verifyAudit(ctx.db, progress);
      const cp = checkpoint && result.ok ? await verifyCheckpoint(ctx.db, checkpoint, trusted) : undefined;
      const ok = result.ok && (cp === undefined || cp.ok);
      if (v.json) printJson(io, { ...result, ...(cp ? { checkpoint: cp } : {}), ok });
      else if (!result.ok) io.stdout(`Audit chain BROKEN at entry ${result.firstBadSeq}: ${result.reason}\n`);
      else if (cp && !cp.ok) io.stdout(`Audit chain intact (${result.entries} entries) but the checkpoint does not match: ${cp.reason}\n`);
      else io.stdout(`Audit chain intact: ${result.entries} entries, head ${result.headHash.slice(0, 16)}…${cp ? ' (matches the checkpoint)' : ''}\n`);
      return ok ? 0 : 1;
    } finally {
      await ctx.db.close();
    }
  }
  if (sub === 'checkpoint') {
    const { values: v } = parse('audit checkpoint', rest, { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
    const cp = await withVault(io, v.data, (ctx) => createCheckpoint(ctx));
    if (v.out) writeFileSync(v.out, JSON.stringify(cp, null, 2) + '\n', { mode: 0o600 });
    if (v.json || !v.out) printJson(io, cp);
    else io.stdout(`Wrote a signed checkpoint of entry ${cp.seq} to ${v.out}. Keep it somewhere outside this computer.\n`);
    return 0;
  }
  throw new UsageError('audit: expected "verify" or "checkpoint"');
}

function readText(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`audit verify: field "${field}": cannot read "${path}"`);
  }
}

function readCheckpoint(path: string): Checkpoint {
  let cp: Checkpoint;
  try {
    cp = JSON.parse(readText(path, 'checkpoint')) as Checkpoint;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('audit verify: field "checkpoint": not a JSON checkpoint file');
  }
  if (cp?.v !== 1 || typeof cp.seq !== 'number' || typeof cp.hash !== 'string' || typeof cp.signature !== 'string') {
    throw new UsageError('audit verify: field "checkpoint": not a Sanctum checkpoint');
  }
  return cp;
}
