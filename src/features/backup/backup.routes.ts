import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { actorOf } from '../clients/case-access.js';
import { requireBackupRole } from '../keystore/keystore.service.js';
import { BACKUP_MAX_BYTES } from './backup.file.js';
import { restoreFromWeb } from './backup-restore.service.js';
import { scheduleView, setSchedule } from './backup-schedule.service.js';

const when = () => nullable(str());
const scheduleSchema = obj({
  enabled: bool(), dir: nullable(str()), everyHours: int(), enabledAt: when(),
  lastSuccessAt: when(), lastSuccessFile: nullable(str()), lastFailureAt: when(), lastFailureReason: nullable(str()), stopped: bool(),
});
const counts = obj({ clients: int(), notes: int() });
const backupFileSchema = obj({
  format: str({ maxLength: 40 }), v: int(), createdAt: str({ maxLength: 40 }),
  sealedMaster: obj({
    v: int(), kind: strEnum(['passphrase', 'keyfile']), wrapped: str({ maxLength: 1000 }), salt: str({ maxLength: 200 }),
    kdf: obj({ algorithm: str({ maxLength: 20 }), memoryKiB: int(), iterations: int(), parallelism: int() }),
  }, ['salt', 'kdf']),
  wrappedSystemKey: str({ maxLength: 1000 }), wrappedBackupKey: str({ maxLength: 1000 }), payload: str(),
});

/** Only an admin gets as far as sending a body: checked before a byte of a large upload is read. */
const adminsOnly = async (req: Parameters<typeof principal>[0]) => requireBackupRole(principal(req));

export async function backupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/backups/schedule', { schema: { summary: 'Scheduled backups: where they go, the last success and failure, and whether they have stopped', response: { 200: scheduleSchema } } }, async (req) => {
    requireBackupRole(principal(req));
    return scheduleView(ctx);
  });

  app.put('/api/backups/schedule', {
    schema: { summary: 'Turn daily backups into a folder on or off', body: obj({ enabled: bool(), dir: nullable(str({ maxLength: 4096 })) }, ['dir']), response: { 200: scheduleSchema } },
  }, async (req) => {
    const p = principal(req);
    requireBackupRole(p);
    const b = req.body as { enabled: boolean; dir?: string | null };
    return setSchedule(ctx, actorOf(p), { enabled: b.enabled, dir: b.dir === undefined ? undefined : b.dir?.trim() || null });
  });

  app.post('/api/backups/restore', {
    onRequest: adminsOnly,
    bodyLimit: BACKUP_MAX_BYTES + 65_536,
    schema: {
      summary: 'Restore a backup: without confirm, what it would replace; with confirm, replace every record (needs the vault passphrase; signs everyone out)',
      body: obj({ backup: backupFileSchema, passphrase: str({ minLength: 1, maxLength: 1024 }), confirm: bool() }),
      response: { 200: obj({ restored: bool(), madeAt: str(), backup: counts, current: counts, rows: nullable(int()), keptErased: nullable(int()), missingKeys: nullable(int()) }) },
    },
  }, async (req) => {
    const p = principal(req);
    requireBackupRole(p);
    return restoreFromWeb(ctx, actorOf(p), req.body as { backup: unknown; passphrase: string; confirm: boolean });
  });
}
