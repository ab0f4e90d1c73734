import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { bool, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { createBackup } from '../backup/backup.service.js';
import { actorOf } from '../clients/case-access.js';
import { exportKeyStore, recoveryStatus, requireBackupRole } from './keystore.service.js';

const when = () => nullable(str());
const statusSchema = obj({
  backup: obj({ lastMadeAt: when() }),
  keyStore: obj({
    lastMadeAt: when(), via: nullable(strEnum(['export', 'import'])), clientsSince: int(), disposalsSince: int(), passphraseChangedSince: bool(), upToDate: bool(),
  }),
});

function attachment(reply: FastifyReply, fileName: string, body: unknown) {
  return reply.type('application/json').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(JSON.stringify(body));
}

/** Recovery copies from the browser. Restoring onto a new machine is done on its command line (see backup.routes.ts for restoring this one). */
export async function keystoreRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/backups', { schema: { summary: 'When the last backup and key-store copy were made, and whether that copy is out of date', response: { 200: statusSchema } } },
    async (req) => recoveryStatus(ctx, principal(req)));

  app.get('/api/backups/backup', { schema: { summary: 'Download an encrypted backup of every record (never the client keys)' } }, async (req, reply) => {
    const p = principal(req);
    requireBackupRole(p);
    const file = await createBackup(ctx, () => {}, actorOf(p));
    return attachment(reply, `sanctum-backup-${file.createdAt.slice(0, 10)}.json`, file);
  });

  app.get('/api/backups/keystore', { schema: { summary: 'Download the key-store file: with the vault passphrase it opens every backup' } }, async (req, reply) => {
    const p = principal(req);
    requireBackupRole(p);
    const file = await exportKeyStore(ctx, actorOf(p));
    return attachment(reply, `sanctum-keys-${file.createdAt.slice(0, 10)}.json`, file);
  });
}
