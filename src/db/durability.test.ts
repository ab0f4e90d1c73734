import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connect, durabilityProblems } from './connection.js';
import { buildContext } from '../main.js';
import { onPostgres, testStore } from '../../test/support/context.js';

const safe = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };

describe('a store that can lose acknowledged writes is refused', () => {
  it('names each PostgreSQL setting that loses acknowledged writes, and accepts the durable ones', () => {
    expect(durabilityProblems(safe)).toEqual([]);
    for (const v of ['local', 'remote_write', 'remote_apply', 'on']) expect(durabilityProblems({ ...safe, synchronous_commit: v })).toEqual([]);
    expect(durabilityProblems({ ...safe, fsync: 'off' })).toEqual([expect.stringMatching(/^fsync is off: set fsync = on/)]);
    expect(durabilityProblems({ ...safe, synchronous_commit: 'off' })).toEqual([expect.stringMatching(/^synchronous_commit is off/)]);
    expect(durabilityProblems({ ...safe, full_page_writes: 'off' })).toEqual([expect.stringMatching(/^full_page_writes is off/)]);
    expect(durabilityProblems({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' })).toHaveLength(3);
  });

  it.runIf(!onPostgres)('the embedded store commits with a full sync', async () => {
    const store = await testStore();
    try {
      const ctx = await buildContext({ db: store.db });
      expect(ctx.db.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.cleanup();
    }
  });

  it.runIf(onPostgres)('refuses a database whose default is synchronous_commit = off, naming the setting', async () => {
    const store = await testStore();
    try {
      const url = new URL(store.databaseUrl!);
      const name = url.pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
      await admin.connect();
      await admin.query(`alter database ${name} set synchronous_commit = off`);
      await admin.end();
      // A fresh connection picks up the database's setting.
      const db = connect({ databaseUrl: store.databaseUrl });
      await expect(buildContext({ db })).rejects.toThrow(/will not start on this PostgreSQL server.*synchronous_commit is off/);
    } finally {
      await store.cleanup();
    }
  });
});
