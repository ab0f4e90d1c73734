import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAudit } from '../../audit/audit.service.js';
import { TEST_KDF } from '../../crypto/kdf.js';
import type { VaultSecret } from '../../crypto/vault.js';
import { connect } from '../../db/connection.js';
import { writeTx } from '../../db/tx.js';
import { buildContext } from '../../main.js';
import type { BackupFile } from './backup.file.js';
import * as repo from './backup.repository.js';
import { openBackup, restoreBackup } from './backup.service.js';

export interface TableCheck {
  table: string;
  inBackup: number;
  restored: number;
}

export interface VerifyReport {
  ok: boolean;
  madeAt: string;
  /** The practice's zone and jurisdiction, to show the date in its own words. */
  practice: { jurisdiction: string; timeZone: string } | null;
  audit: { ok: boolean; entries: number; problem: string | null };
  tables: TableCheck[];
  mismatched: string[];
  clients: number;
  notes: number;
}

/**
 * The restore drill: open the backup, restore it into a scratch embedded store in a temp folder
 * exactly as `sanctum restore` would, then walk the audit chain there and count every table
 * against the backup. The scratch store is deleted afterwards whatever happens; the live store
 * is never touched.
 */
export async function verifyBackupFile(file: BackupFile, secret: VaultSecret): Promise<VerifyReport> {
  const tables = await openBackup(file, secret);
  const scratch = mkdtempSync(join(tmpdir(), 'sanctum-verify-'));
  const db = connect({ dataDir: scratch });
  try {
    const ctx = await buildContext({ db, config: { vaultKdf: TEST_KDF } });
    // The backup's own vault records first, as `sanctum keys import` would leave them.
    await writeTx(db, (trx) => repo.insertRows(trx, 'vault_meta', tables.vault_meta));
    await ctx.vault.unseal(file.sealedMaster, secret, file.wrappedSystemKey);
    await restoreBackup(ctx, tables, () => {}, { id: 'cli' });
    const audit = await verifyAudit(db);
    const present = new Set(await repo.backupTables(db));
    const checks: TableCheck[] = [];
    for (const [table, rows] of Object.entries(tables)) {
      if (!present.has(table)) continue;
      // The restore appends one entry of its own to the chain.
      const expected = rows.length + (table === 'audit_log' ? 1 : 0);
      checks.push({ table, inBackup: expected, restored: await repo.countRows(db, table) });
    }
    const missing = Object.keys(tables).filter((t) => !present.has(t));
    const mismatched = [...checks.filter((c) => c.inBackup !== c.restored).map((c) => c.table), ...missing];
    ctx.vault.seal();
    const p = tables.practices?.[0];
    return {
      ok: audit.ok && mismatched.length === 0,
      madeAt: file.createdAt,
      practice: p ? { jurisdiction: String(p.jurisdiction), timeZone: String(p.time_zone) } : null,
      audit: audit.ok ? { ok: true, entries: audit.entries, problem: null } : { ok: false, entries: 0, problem: `broken at entry ${audit.firstBadSeq}: ${audit.reason}` },
      tables: checks,
      mismatched,
      clients: tables.clients?.length ?? 0,
      notes: tables.notes?.length ?? 0,
    };
  } finally {
    await db.close().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}
