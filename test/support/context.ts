import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Principal } from '../../src/core/access.js';
import { type Clock, fixedClock } from '../../src/core/clock.js';
import { TEST_KDF } from '../../src/crypto/kdf.js';
import { type Db, connect } from '../../src/db/connection.js';
import type { AppContext } from '../../src/context.js';
import { buildContext } from '../../src/main.js';
import { writeTx } from '../../src/db/tx.js';
import { createUser } from '../../src/features/auth/auth.service.js';
import { initPractice } from '../../src/features/practice/practice.service.js';

/**
 * The store under test: SQLite in a temp folder by default; a fresh PostgreSQL database per
 * context when TEST_PG_URL is set (the suite runs once each way). Vault and password hashing use
 * cheap Argon2 parameters here only.
 */
export const onPostgres = Boolean(process.env.TEST_PG_URL);

export interface TestStore {
  db: Db;
  dataDir?: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

export async function testStore(): Promise<TestStore> {
  const base = process.env.TEST_PG_URL;
  if (!base) {
    const dataDir = mkdtempSync(join(tmpdir(), 'sanctum-test-'));
    const db = connect({ dataDir });
    return { db, dataDir, cleanup: async () => { await db.close().catch(() => {}); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = connect({ databaseUrl: url.toString() });
  return {
    db,
    databaseUrl: url.toString(),
    cleanup: async () => {
      await db.close().catch(() => {});
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const PASSPHRASE = 'test vault passphrase long enough';
export const PASSWORD = 'Quiet-harbour-lantern-42';

export interface TestContext extends AppContext {
  store: TestStore;
  clock: Clock & { advance(ms: number): void; set(iso: string): void };
  cleanup(): Promise<void>;
}

export async function testContext(opts: { clock?: string } = {}): Promise<TestContext> {
  const store = await testStore();
  const clock = fixedClock(opts.clock ?? '2026-11-02T10:00:00.000Z');
  const ctx = await buildContext({ db: store.db, clock, config: { vaultKdf: TEST_KDF, passwordKdf: TEST_KDF } });
  return { ...ctx, clock, store, cleanup: async () => { await ctx.audit.flush(); await store.cleanup(); } };
}

/** A vault and practice, unsealed, with no staff. */
export async function withPractice(ctx: AppContext, jurisdiction = 'GB-ENG'): Promise<{ practiceId: string; operator: Principal }> {
  const p = await initPractice(ctx, { passphrase: PASSPHRASE }, { name: 'Test Practice', jurisdiction });
  return { practiceId: p.id, operator: { userId: 'cli', practiceId: p.id, roles: ['operator'] } };
}

let seq = 0;
/** A staff member (default: practitioner) with a known password; TOTP pending unless enrolled. */
export async function addStaff(ctx: AppContext, practiceId: string, roles: Principal['roles'] = ['practitioner']): Promise<{ principal: Principal; email: string; totpSecret: string; recoveryCodes: string[] }> {
  const email = `staff${++seq}.${Math.random().toString(36).slice(2, 6)}@example.org`;
  const s = await writeTx(ctx.db, (trx) => createUser(ctx, trx, { practiceId, email, displayName: `Staff ${seq}`, roles, password: PASSWORD }));
  return { principal: { userId: s.userId, practiceId, roles }, email, totpSecret: s.totpSecret, recoveryCodes: s.recoveryCodes };
}
