import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { backupsToDelete, backupsToKeep, scheduledFileName, scheduledFileTime } from './backup-schedule.js';
import { runDueBackup, scheduleView, setSchedule } from './backup-schedule.service.js';
import { openBackup } from './backup.service.js';
import { startBackupScheduler } from './backup-scheduler.js';

const names = (from: string, days: number, hour = '02') =>
  Array.from({ length: days }, (_, i) => scheduledFileName(new Date(Date.parse(`${from}T${hour}:00:00Z`) + i * 86_400_000)));

describe('rotation: which scheduled backups to keep', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    const files = names('2025-01-01', 500); // one a day up to 2026-05-15
    const keep = [...backupsToKeep(files)].sort();
    // Days: 9–15 May 2026. Weeks (Monday first): the Sundays 3 May and 26 April add to the
    // two weeks already kept by days (11–15 May and 4–10 May). Months: the last day of each
    // month back to June 2025 (May 2026 itself is kept by its newest day).
    const expected = [
      ...['2026-05-09', '2026-05-10', '2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'],
      '2026-05-03', '2026-04-26',
      '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31', '2025-11-30', '2025-10-31', '2025-09-30', '2025-08-31', '2025-07-31', '2025-06-30',
    ].map((d) => scheduledFileName(new Date(`${d}T02:00:00Z`))).sort();
    expect(keep).toEqual(expected);
    expect(backupsToDelete(files)).toHaveLength(500 - expected.length);
  });

  it('keeps the newest of several on one day, and never touches files that are not scheduled backups', () => {
    const morning = scheduledFileName(new Date('2026-05-15T02:00:00Z'));
    const evening = scheduledFileName(new Date('2026-05-15T20:00:00Z'));
    const other = ['notes.txt', 'sanctum-backup-2026-05-01.json', 'sanctum-backup-2026-13-45T00-00-00Z.json'];
    expect([...backupsToKeep([morning, evening, ...other])]).toEqual([evening]);
    expect(backupsToDelete([morning, evening, ...other])).toEqual([morning]);
    expect(scheduledFileTime(other[2])).toBeNull();
    expect(backupsToDelete([])).toEqual([]);
  });

  it('keeps everything while there are fewer backups than the policy covers', () => {
    const files = names('2026-05-10', 5);
    expect(backupsToDelete(files)).toEqual([]);
  });
});

describe('scheduled backups', () => {
  let ctx: TestContext;
  let dir: string;
  afterEach(async () => {
    await ctx?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function scheduled(): Promise<void> {
    ctx = await testContext({ clock: '2026-11-02T10:00:00.000Z' });
    await withPractice(ctx);
    dir = mkdtempSync(join(tmpdir(), 'sanctum-sched-'));
    await setSchedule(ctx, { id: 'cli' }, { enabled: true, dir });
  }

  it('refuses a folder that is missing, relative or a file, naming the field', async () => {
    ctx = await testContext();
    await withPractice(ctx);
    dir = mkdtempSync(join(tmpdir(), 'sanctum-sched-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    await expect(setSchedule(ctx, { id: 'cli' }, { enabled: true, dir: join(dir, 'missing') })).rejects.toMatchObject({ field: 'dir', message: /does not exist/ });
    await expect(setSchedule(ctx, { id: 'cli' }, { enabled: true, dir: 'relative/folder' })).rejects.toMatchObject({ field: 'dir', message: /full path/ });
    await expect(setSchedule(ctx, { id: 'cli' }, { enabled: true, dir: join(dir, 'a-file') })).rejects.toMatchObject({ field: 'dir', message: /not a folder/ });
    await expect(setSchedule(ctx, { id: 'cli' }, { enabled: true })).rejects.toMatchObject({ field: 'dir' });
    expect((await scheduleView(ctx)).enabled).toBe(false);
  });

  it('writes a backup when due, once a day, that opens with the vault passphrase', async () => {
    await scheduled();
    const first = await runDueBackup(ctx, 'server-a');
    expect(first).toMatchObject({ ran: true, ok: true, file: scheduledFileName(ctx.clock.now()) });
    const written = readdirSync(dir);
    expect(written).toEqual([scheduledFileName(ctx.clock.now())]);
    const tables = await openBackup(JSON.parse(readFileSync(join(dir, written[0]), 'utf8')), { passphrase: PASSPHRASE });
    expect(tables.practices).toHaveLength(1);
    expect(await runDueBackup(ctx, 'server-a')).toEqual({ ran: false, why: 'not_due' });
    ctx.clock.advance(23 * 3_600_000);
    expect(await runDueBackup(ctx, 'server-b')).toEqual({ ran: false, why: 'not_due' });
    ctx.clock.advance(3_600_000);
    expect(await runDueBackup(ctx, 'server-b')).toMatchObject({ ran: true, ok: true });
    expect(readdirSync(dir)).toHaveLength(2);
    const view = await scheduleView(ctx);
    expect(view).toMatchObject({ enabled: true, lastSuccessAt: ctx.clock.now().toISOString(), lastFailureAt: null, stopped: false });
  });

  it('lets exactly one of several servers write a due backup', async () => {
    await scheduled();
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((h) => runDueBackup(ctx, `server-${h}`)));
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ran).every((o) => !o.ran && o.why === 'not_due')).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('rotates the folder as days pass, leaving other files alone', async () => {
    await scheduled();
    writeFileSync(join(dir, 'readme.txt'), 'not ours');
    for (let day = 0; day < 12; day++) {
      expect(await runDueBackup(ctx, 'server-a')).toMatchObject({ ran: true, ok: true });
      ctx.clock.advance(24 * 3_600_000);
    }
    const left = readdirSync(dir).filter((n) => n !== 'readme.txt');
    expect(left.sort()).toEqual([...backupsToKeep(left)].sort());
    expect(left.length).toBeGreaterThanOrEqual(7);
    expect(left.length).toBeLessThan(12);
    expect(existsSync(join(dir, 'readme.txt'))).toBe(true);
  });

  it('records a failure in plain words, retries within the hour, and warns once two days pass without a backup', async () => {
    await scheduled();
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'the drive is gone; a file sits where the folder was');
    const failed = await runDueBackup(ctx, 'server-a');
    expect(failed).toEqual({ ran: true, ok: false, reason: 'The backup folder could not be found. Is the drive connected?' });
    let view = await scheduleView(ctx);
    expect(view).toMatchObject({ lastSuccessAt: null, lastFailureAt: ctx.clock.now().toISOString(), stopped: false });
    ctx.clock.advance(59 * 60_000);
    expect(await runDueBackup(ctx, 'server-a')).toEqual({ ran: false, why: 'not_due' });
    ctx.clock.advance(2 * 24 * 3_600_000);
    expect(await runDueBackup(ctx, 'server-a')).toMatchObject({ ran: true, ok: false });
    view = await scheduleView(ctx);
    expect(view.stopped).toBe(true);
    rmSync(dir, { force: true });
  });

  it('the server timer writes the due backup by itself, once', async () => {
    await scheduled();
    const timers = [startBackupScheduler(ctx, { everyMs: 10, holder: 'one' }), startBackupScheduler(ctx, { everyMs: 10, holder: 'two' })];
    try {
      for (let i = 0; i < 1000 && (await scheduleView(ctx)).lastSuccessAt === null; i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      for (const t of timers) await t.stop();
    }
    expect((await scheduleView(ctx)).lastSuccessAt).toBe(ctx.clock.now().toISOString());
    expect(readdirSync(dir)).toEqual([scheduledFileName(ctx.clock.now())]);
  });

  it('makes no backup while the vault is locked, and none when switched off', async () => {
    await scheduled();
    ctx.vault.seal();
    expect(await runDueBackup(ctx, 'server-a')).toEqual({ ran: false, why: 'sealed' });
    expect(readdirSync(dir)).toEqual([]);
    await setSchedule(ctx, { id: 'cli' }, { enabled: false });
    expect(await scheduleView(ctx)).toMatchObject({ enabled: false, stopped: false, dir });
  });
});
