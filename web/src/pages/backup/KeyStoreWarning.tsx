import { instant } from '../../format.js';
import type { RecoveryStatus } from './types.js';

const clients = (n: number) => (n === 1 ? '1 client was' : `${n} clients were`);

/** Says plainly when the practice's key-store copy no longer matches the vault, and why. */
export function KeyStoreWarning({ status }: { status: RecoveryStatus['keyStore'] }) {
  if (status.upToDate) return null;
  if (!status.lastMadeAt) {
    return (
      <div className="callout callout-warning backup-stale" data-testid="keystore-missing">
        <p><strong>There is no key-store file yet.</strong> Without one, a backup cannot be opened on another computer. Download one below and keep it apart from your backups.</p>
      </div>
    );
  }
  return (
    <div className="callout callout-warning backup-stale" data-testid="keystore-stale">
      <p><strong>Your key-store copy is out of date.</strong> It was made {instant(status.lastMadeAt)}. Since then:</p>
      <ul>
        {status.disposalsSince > 0 && (
          <li>{clients(status.disposalsSince)} destroyed. The old copy still holds their keys: with an older backup it could bring their records back.</li>
        )}
        {status.clientsSince > 0 && <li>{clients(status.clientsSince)} added. Their records could not be opened with the old copy.</li>}
        {status.passphraseChangedSince && <li>The vault passphrase or master key changed. The old copy opens only with the passphrase it was made under.</li>}
      </ul>
      <p>Download a new key-store file, then replace every older copy with it and destroy the old ones.</p>
    </div>
  );
}
