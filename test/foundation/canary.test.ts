import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/features/backup/backup.service.js';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, onPostgres, testContext } from '../support/context.js';

const CANARIES = ['Zebedee Quarrington-Vale', 'zebedee.canary@example.net', '07700 900461', 'CANARY-NOTE: spoke about the lighthouse dream'];

describe.skipIf(onPostgres)('nothing identifying or clinical reaches the disk in plaintext', () => {
  let ctx: TestContext;
  let api: ApiClient;
  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('keeps canary identity and note text out of the database, its WAL and a backup', async () => {
    const { id } = (await api.post('/api/clients', { name: CANARIES[0], email: CANARIES[1], phone: CANARIES[2], dob: '1979-05-06' })).json() as { id: string };
    const note = (await api.post(`/api/clients/${id}/notes`, { kind: 'process', text: CANARIES[3] })).json() as { id: string };
    await api.post(`/api/notes/${note.id}/sign`);
    await api.post(`/api/notes/${note.id}/addenda`, { text: `${CANARIES[3]} (addendum)` });
    await api.get(`/api/clients/${id}/record`);

    const dir = ctx.store.dataDir as string;
    const files = readdirSync(dir).map((f) => join(dir, f));
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    const backup = Buffer.from(JSON.stringify(await createBackup(ctx, () => {})));
    for (const bytes of [...files.map((f) => readFileSync(f)), backup]) {
      for (const canary of CANARIES) {
        expect(bytes.includes(Buffer.from(canary, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(canary, 'utf16le'))).toBe(false);
      }
    }
  });
});
