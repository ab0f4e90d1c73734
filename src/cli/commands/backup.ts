import { writeFileSync } from 'node:fs';
import { parse, required } from '../args.js';
import { type CliIo, UsageError, printJson } from '../io.js';
import { readOutsideFile } from '../outside-file.js';
import { vaultSecret, withVault } from '../vault-access.js';
import { formatDateTime, localeFor } from '../../core/datetime.js';
import { createBackup } from '../../features/backup/backup.service.js';
import { BACKUP_MAX_BYTES, parseBackupText } from '../../features/backup/backup.file.js';
import { type ScheduleView, scheduleView, setSchedule } from '../../features/backup/backup-schedule.service.js';
import { type VerifyReport, verifyBackupFile } from '../../features/backup/backup-verify.service.js';

/**
 * sanctum backup --out FILE [--json]
 * sanctum backup verify --in FILE [--json]
 * sanctum backup schedule [--dir DIR | --off] [--json]
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'verify') return verify(args.slice(1), io);
  if (args[0] === 'schedule') return schedule(args.slice(1), io);
  const { values: v } = parse('backup', args, { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  const out = required('backup', v.out, 'out');
  const file = await withVault(io, v.data, (ctx) => createBackup(ctx, (m) => io.stderr(m + '\n')));
  const text = JSON.stringify(file);
  writeFileSync(out, text, { mode: 0o600 });
  if (v.json) printJson(io, { out, bytes: Buffer.byteLength(text), createdAt: file.createdAt });
  else io.stdout(`Wrote an encrypted backup to ${out} (${Buffer.byteLength(text)} bytes). Client keys are never in backups: to restore on another machine you also need a key-store file (sanctum keys export), kept apart from your backups.\n`);
  return 0;
}

const when = (iso: string, r: { practice: VerifyReport['practice'] }) =>
  formatDateTime(iso, { locale: localeFor(r.practice?.jurisdiction), timeZone: r.practice?.timeZone || 'UTC' });

/** The restore drill: restore into a scratch store, walk the audit chain, count every table. */
async function verify(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('backup verify', args, { in: { type: 'string' }, json: { type: 'boolean' } });
  const path = required('backup verify', v.in, 'in');
  const file = parseBackupText(readOutsideFile('backup verify', path, BACKUP_MAX_BYTES, 'backup').toString('utf8'));
  const r = await verifyBackupFile(file, await vaultSecret(io));
  if (v.json) {
    printJson(io, r);
    return r.ok ? 0 : 1;
  }
  const rows = r.tables.reduce((n, t) => n + t.inBackup, 0);
  io.stdout(`Backup made ${when(r.madeAt, r)}: ${r.clients} client(s), ${r.notes} note(s).\n`);
  io.stdout(r.audit.ok ? `Audit history intact: ${r.audit.entries} entries.\n` : `The audit history in this backup is BROKEN (${r.audit.problem}).\n`);
  if (r.mismatched.length) io.stdout(`These tables did not restore whole: ${r.mismatched.join(', ')}.\n`);
  else io.stdout(`Every table restored whole (${r.tables.length} tables, ${rows} rows) into a scratch copy, since deleted.\n`);
  io.stdout(r.ok ? 'This backup can be restored.\n' : 'Do not rely on this backup: make a new one and verify it.\n');
  return r.ok ? 0 : 1;
}

function describeSchedule(s: ScheduleView): string {
  if (!s.enabled) return `Scheduled backups are off.${s.dir ? ` (The last folder used was ${s.dir}.)` : ''}\n`;
  const lines = [`Scheduled backups are on: every ${s.everyHours === 24 ? 'day' : `${s.everyHours} hours`}, into ${s.dir}, keeping 7 daily, 4 weekly and 12 monthly copies.`];
  lines.push(s.lastSuccessAt ? `Last backup: ${s.lastSuccessFile}.` : 'No scheduled backup has been written yet; the server writes the first within a minute or two of starting (while the vault is unlocked).');
  if (s.lastFailureAt && (!s.lastSuccessAt || s.lastFailureAt > s.lastSuccessAt)) lines.push(`The last attempt failed: ${s.lastFailureReason}`);
  if (s.stopped) lines.push('WARNING: no backup has succeeded for more than two days.');
  return lines.join('\n') + '\n';
}

/** Turn scheduled backups on (into --dir) or off, or show how they stand. The server writes them. */
async function schedule(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parse('backup schedule', args, { data: { type: 'string' }, dir: { type: 'string' }, off: { type: 'boolean' }, json: { type: 'boolean' } });
  if (v.off && v.dir !== undefined) throw new UsageError('backup schedule: give --dir DIR or --off, not both');
  if (v.dir === '') throw new UsageError('backup schedule: field "dir": give the folder backups go to');
  const s = await withVault(io, v.data, async (ctx, op) => {
    if (v.off) return setSchedule(ctx, { id: op.userId }, { enabled: false });
    if (v.dir !== undefined) return setSchedule(ctx, { id: op.userId }, { enabled: true, dir: v.dir });
    return scheduleView(ctx);
  });
  if (v.json) printJson(io, s);
  else io.stdout(describeSchedule(s));
  return 0;
}
