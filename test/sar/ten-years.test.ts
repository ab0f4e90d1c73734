import { afterEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { caseForClient } from '../../src/features/clients/clients.repository.js';
import { runExport } from '../../src/features/sar/export.service.js';
import { decideRedactions, proposeForRequest, readRedactions } from '../../src/features/sar/redaction.service.js';
import { type TestContext, testContext, withPractice } from '../support/context.js';
import { unpack } from './sar-fixture.js';
import { seedTenYears } from './ten-years.js';

describe('a ten-year record', () => {
  let ctx: TestContext;
  afterEach(async () => ctx.cleanup());

  it('exports every session, note and letter, with the partner withheld throughout', { timeout: 600_000 }, async () => {
    ctx = await testContext({ clock: '2026-01-10T10:00:00.000Z' });
    const { operator } = await withPractice(ctx);
    const op: Principal = operator;
    const { clientId, requestId } = await seedTenYears(ctx, op, () => {});
    await proposeForRequest(ctx, op, requestId);
    const c = await caseForClient(ctx.db.kysely, clientId);
    const all = await readRedactions(ctx, c as NonNullable<typeof c>, requestId);
    await decideRedactions(ctx, op, requestId, all.filter((r) => r.kind.startsWith('third_party')).map((r) => r.id), { decision: 'accept' });
    const stages: string[] = [];
    const out = await runExport(ctx, op, requestId, 'ten years passphrase', (s) => stages.push(s));
    expect(out.counts).toMatchObject({ notes: 520, documents: 50, sessions: 520 });
    expect(stages).toEqual(expect.arrayContaining(['assembling', 'rendering PDF', 'encrypting', 'done']));
    const files = await unpack(out.file, 'ten years passphrase');
    const json = files.json as { notes: unknown[]; documents: unknown[]; sessions: { jointSession: boolean }[] };
    expect(json.notes).toHaveLength(520);
    expect(json.documents).toHaveLength(50);
    expect(json.sessions.filter((s) => s.jointSession)).toHaveLength(50);
    expect(JSON.stringify(json)).not.toContain('Sam');
    expect(files.pdfText).not.toContain('Sam');
    expect(files.pdfText).toContain('Week 520.');
  });
});
