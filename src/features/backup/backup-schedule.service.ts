import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { type Actor, recordAudit } from '../../audit/audit.service.js';
import { AppError, invalidInput } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { createBackup } from './backup.service.js';
import { CLAIM_MS, RETRY_AFTER_MS, type ScheduleState, backupsStopped, backupsToDelete, scheduledFileName } from './backup-schedule.js';
import * as repo from './backup-schedule.repository.js';

export interface ScheduleView extends ScheduleState {
  /** Scheduled, but nothing has succeeded for two days: the page warns. */
  stopped: boolean;
}

export async function scheduleView(ctx: AppContext): Promise<ScheduleView> {
  const s = await repo.readSchedule(ctx.db.kysely);
  return { ...s, stopped: backupsStopped(s, ctx.clock.now()) };
}

/** The folder must exist and take a file now, or the first failure would only show days later. */
async function requireWritableFolder(dir: string): Promise<void> {
  if (!isAbsolute(dir)) throw invalidInput('dir', 'Give the backup folder as a full path (for example /Volumes/Backup/Sanctum).');
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    throw invalidInput('dir', 'That backup folder does not exist. Connect the drive or create the folder first.');
  }
  if (!isDir) throw invalidInput('dir', 'That path is a file, not a folder.');
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw invalidInput('dir', 'Sanctum may not write to that folder. Choose another, or change its permissions.');
  }
}

/** Turn scheduled backups on (daily, into `dir`) or off. Recorded in the audit log, without the path. */
export async function setSchedule(ctx: AppContext, actor: Actor, s: { enabled: boolean; dir?: string | null }): Promise<ScheduleView> {
  const current = await repo.readSchedule(ctx.db.kysely);
  const dir = s.dir === undefined ? current.dir : s.dir;
  if (s.enabled) {
    if (!dir) throw invalidInput('dir', 'Choose the folder scheduled backups go to.');
    await requireWritableFolder(dir);
  }
  const at = ctx.clock.now().toISOString();
  await repo.saveSchedule(ctx.db.kysely, { enabled: s.enabled, dir: dir ?? null, everyHours: current.everyHours, at, by: actor.id });
  await recordAudit(ctx.db, ctx.clock, actor, { action: s.enabled ? 'backup.schedule_on' : 'backup.schedule_off', targetType: 'vault', details: { everyHours: current.everyHours } });
  return scheduleView(ctx);
}

export type RunOutcome = { ran: false; why: 'sealed' | 'not_due' } | { ran: true; ok: true; file: string; removed: number } | { ran: true; ok: false; reason: string };

/**
 * Write the backup that is due, if this server wins the claim. A sealed vault cannot make one
 * (the backup key is wrapped by the master key); the page's warning covers a vault left locked.
 */
export async function runDueBackup(ctx: AppContext, holder: string): Promise<RunOutcome> {
  if (ctx.vault.isSealed) return { ran: false, why: 'sealed' };
  const now = ctx.clock.now();
  if (!(await repo.claimDue(ctx.db.kysely, holder, now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString()))) return { ran: false, why: 'not_due' };
  const s = await repo.readSchedule(ctx.db.kysely);
  try {
    if (!s.dir) throw new Error('no folder');
    const file = await writeBackupInto(ctx, s.dir);
    const removed = await rotate(s.dir);
    const done = ctx.clock.now();
    await repo.recordSuccess(ctx.db.kysely, holder, done.toISOString(), file, new Date(now.getTime() + s.everyHours * 3_600_000).toISOString());
    return { ran: true, ok: true, file, removed };
  } catch (e) {
    const reason = plainReason(e);
    const at = ctx.clock.now();
    await repo.recordFailure(ctx.db.kysely, holder, at.toISOString(), reason, new Date(at.getTime() + RETRY_AFTER_MS).toISOString());
    await recordAudit(ctx.db, ctx.clock, { id: 'system' }, { action: 'backup.create', targetType: 'vault', outcome: 'failed', details: { scheduled: true } }).catch(() => {});
    return { ran: true, ok: false, reason };
  }
}

/** Written beside its final name and renamed, so a folder never holds half a backup under a real name. */
async function writeBackupInto(ctx: AppContext, dir: string): Promise<string> {
  // Never created here: a drive that is not plugged in must fail, not fill the laptop's own disk.
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw Object.assign(new Error('backup folder missing'), { code: 'ENOENT' });
  const backup = await createBackup(ctx, () => {}, { id: 'system' });
  const name = scheduledFileName(new Date(backup.createdAt));
  const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(JSON.stringify(backup));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
  return name;
}

async function rotate(dir: string): Promise<number> {
  let removed = 0;
  for (const name of backupsToDelete(await readdir(dir))) {
    try {
      await unlink(join(dir, name));
      removed++;
    } catch {
      // Gone already (another copy of the folder syncing, say): nothing to do.
    }
  }
  return removed;
}

/** What went wrong, in words for the Backups page: no paths, no internals. */
function plainReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'The backup folder could not be found. Is the drive connected?';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Sanctum was not allowed to write to the backup folder.';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'The drive holding the backup folder is full.';
  if (e instanceof AppError && e.code === 'sealed') return 'The vault was locked, so no backup could be made.';
  return 'The backup could not be written.';
}
