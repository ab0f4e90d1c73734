import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ActionButton } from '../admin/ActionButton.js';
import { AdminTabs } from '../admin/AdminTabs.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { instant } from '../../format.js';
import { downloadFile } from './download.js';
import { KeyStoreWarning } from './KeyStoreWarning.js';
import { RestoreCard } from './RestoreCard.js';
import { ScheduleCard } from './ScheduleCard.js';
import type { RecoveryStatus } from './types.js';
import './backup.css';

type Kind = 'backup' | 'keystore';

/**
 * The two files that bring the practice back on another computer, automatic daily backups, and
 * restoring this computer from a backup. Restoring on a new computer is done on its command line,
 * so this page only explains it.
 */
export function BackupsPage() {
  const { data: status, error: loadError, reload } = useLoad(() => api.get<RecoveryStatus>('/api/backups'), []);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Kind | null>(null);
  const announce = useAnnounce();
  const error = downloadError ?? loadError;

  const download = async (kind: Kind) => {
    setBusy(kind);
    setDownloadError(null);
    try {
      await downloadFile(kind === 'backup' ? '/api/backups/backup' : '/api/backups/keystore', kind === 'backup' ? 'sanctum-backup.json' : 'sanctum-keys.json');
      announce(kind === 'backup' ? 'Backup downloaded.' : 'Key-store file downloaded.');
      reload();
    } catch (e) {
      setDownloadError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Backups"
        lead="If this computer is lost, stolen or broken, two files and your vault passphrase bring every record back: an encrypted backup, and a key-store file that opens it."
      />
      <AdminTabs current="backups" />
      <FormError message={error} />
      {!status && !error && <Loading label="Loading backups…" />}
      {status && (
        <>
          <KeyStoreWarning status={status.keyStore} />
          <div className="backup-grid">
            <Card title="Encrypted backup" description="Every record in the practice, sealed. It never holds the client keys, so on its own it opens nothing.">
              <p className="backup-last" data-testid="backup-last">{status.backup.lastMadeAt ? `Last made ${instant(status.backup.lastMadeAt)}.` : 'No backup has been made on this computer yet.'}</p>
              <p>Make one regularly (weekly, and after a busy day) and keep copies away from this computer: an encrypted external drive, or cloud storage you trust.</p>
              <ActionButton className="btn btn-primary" label="Download a backup" busyLabel="Making the backup…" busy={busy === 'backup'} disabled={busy !== null} onClick={() => void download('backup')} />
            </Card>
            <Card title="Key-store file" description="The keys that open your backups: the sealed master key and each client's keys, with a record of the clients destroyed.">
              <p className="backup-last" data-testid="keystore-last">{status.keyStore.lastMadeAt ? `Last made ${instant(status.keyStore.lastMadeAt)}${status.keyStore.via === 'import' ? ' (the copy this computer was restored from)' : ''}.` : 'No key-store file has been made yet.'}</p>
              <p><strong>This file and your vault passphrase together open everything.</strong> Keep it in a different place from your backups: a USB stick in a locked drawer, say, not the same drive or the same cloud folder.</p>
              <p>Each file records when it was made. When you download a new one, replace every older copy and destroy the old ones: a client destroyed after a copy was made can still be read with that copy and an older backup.</p>
              <ActionButton label="Download a key-store file" busyLabel="Making the key-store file…" busy={busy === 'keystore'} disabled={busy !== null} onClick={() => void download('keystore')} />
            </Card>
          </div>
          <div className="backup-grid backup-restore">
            <ScheduleCard />
            <RestoreCard />
          </div>
          <Card title="Restoring on a new computer" className="backup-restore" description="A new computer has no vault yet, so its keys go in from its command line first.">
            <ol className="backup-steps">
              <li>Install Sanctum on the new computer (<code>npm install</code>), but do not set it up: the keys must go into an empty data folder.</li>
              <li>Install the keys: <code>npx sanctum keys import --in sanctum-keys-….json</code> (it asks for your vault passphrase).</li>
              <li>Restore the records: <code>npx sanctum restore --in sanctum-backup-….json</code></li>
              <li>Start Sanctum with <code>npm start</code>, unlock it with your vault passphrase and sign in as before.</li>
            </ol>
            <p>Use the newest backup and the newest key-store file. Clients added after the key-store file was made cannot be opened from it. To check a backup without touching anything, run <code>npx sanctum backup verify --in sanctum-backup-….json</code>: it restores into a scratch copy and checks the audit history and every table.</p>
          </Card>
        </>
      )}
    </div>
  );
}
