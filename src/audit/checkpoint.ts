import { signMessage, verifySignature } from '../crypto/signing.js';
import type { Db } from '../db/connection.js';
import type { AppContext } from '../context.js';
import { signingKeys } from '../features/vault/vault.service.js';
import { entryAt, readHead } from './audit.repository.js';
import { verifyAudit } from './audit.service.js';

/**
 * A signed statement of the chain head: kept outside the database (printed, emailed to the
 * practice, stored with the accountant), it proves later that the chain was not rebuilt —
 * rewriting history changes the hash at that sequence number, which the signature pins.
 */
export interface Checkpoint {
  v: 1;
  seq: number;
  hash: string;
  at: string;
  publicKey: string;
  signature: string;
}

const message = (c: Pick<Checkpoint, 'seq' | 'hash' | 'at'>) => `sanctum-audit-checkpoint\nv1\n${c.seq}\n${c.hash}\n${c.at}`;

export async function createCheckpoint(ctx: AppContext): Promise<Checkpoint> {
  await ctx.audit.flush();
  const head = await readHead(ctx.db.kysely);
  const keys = await signingKeys(ctx);
  const body = { seq: head.seq, hash: head.hash, at: ctx.clock.now().toISOString() };
  return { v: 1, ...body, publicKey: keys.publicPem, signature: signMessage(keys.privatePem, message(body)) };
}

export type CheckpointResult = { ok: true } | { ok: false; reason: string };

/** Check a checkpoint against the database: signature, the entry it names, and the chain. */
export async function verifyCheckpoint(db: Db, c: Checkpoint, trustedPublicKey?: string): Promise<CheckpointResult> {
  if (trustedPublicKey && trustedPublicKey.trim() !== c.publicKey.trim()) return { ok: false, reason: 'the checkpoint was signed by a different key' };
  if (!verifySignature(c.publicKey, message(c), c.signature)) return { ok: false, reason: 'the checkpoint signature is not valid' };
  if (c.seq === 0) return { ok: true };
  const entry = await entryAt(db.kysely, c.seq);
  if (!entry) return { ok: false, reason: `entry ${c.seq} named by the checkpoint is missing` };
  if (entry.hash !== c.hash) return { ok: false, reason: `entry ${c.seq} no longer has the hash the checkpoint recorded: the chain was rebuilt` };
  const chain = await verifyAudit(db);
  return chain.ok ? { ok: true } : { ok: false, reason: chain.reason };
}
