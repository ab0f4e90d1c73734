import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { instant } from '../../format.js';
import { Blocks, toBlocks } from './Blocks.js';
import { InPersonSignForm } from './InPersonSignForm.js';
import { PrepareForm } from './PrepareForm.js';
import { CHANNEL_LABELS, type ConsentStatus, consentPath } from './types.js';

const STATUS: Record<string, string> = { awaiting_signature: 'Awaiting signature', signed: 'Signed', void: 'Replaced' };

/** The client's confidentiality agreement: prepare it, send a link or sign in the room, then read or download it. */
export function AgreementCard({ clientId, status, reload }: { clientId: string; status: ConsentStatus; reload: () => Promise<void> }) {
  const a = status.agreement;
  const [mode, setMode] = useState<'idle' | 'prepare' | 'sign'>('idle');
  const [link, setLink] = useState<{ url: string; public: boolean; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const reconsent = status.warnings.some((w) => w.action === 'reconsent');

  const sendLink = async () => {
    if (!a) return;
    setError(null);
    try {
      const res = await api.post<{ path: string; url: string | null; expiresAt: string }>(consentPath(clientId, `/agreements/${a.id}/link`));
      // Only the practice's public address reaches a client at home; this browser's own address may be localhost.
      setLink({ url: res.url ?? `${window.location.origin}${res.path}`, public: res.url !== null, expiresAt: res.expiresAt });
      announce('Signing link created. It is shown once: copy it now.');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const finished = async () => {
    setMode('idle');
    setLink(null);
    await reload();
  };

  return (
    <Card title="Confidentiality agreement" description="What the client agreed to, including the limits of confidentiality, on which version of the wording.">
      <FormError message={error} />
      {!a && mode !== 'prepare' && (
        <div className="button-row"><button type="button" className="btn btn-primary" onClick={() => setMode('prepare')}>Prepare agreement</button></div>
      )}
      {a && (
        <dl className="consent-facts">
          <dt>Status</dt>
          <dd><span className={`badge ${a.status === 'signed' ? 'badge-signed' : 'badge-draft'}`}>{STATUS[a.status]}</span>{a.withoutCapacity && <span className="badge badge-warn"> Signed without capacity</span>}</dd>
          <dt>Wording</dt>
          <dd>{a.title} — version {a.version}</dd>
          <dt>Fingerprint</dt>
          <dd><code>{a.documentHash.slice(0, 16)}…</code></dd>
          <dt>Channels offered</dt>
          <dd>{a.fields.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'None (in person only)'}</dd>
          {a.signature && (
            <>
              <dt>Signed by</dt>
              <dd>{a.signature.name} ({a.signature.signer === 'parent' ? 'parental responsibility' : 'client'}), {a.signature.method === 'drawn' ? 'drawn signature' : 'typed signature'}, {a.signedVia === 'link' ? 'online by link' : 'in person'}, {instant(a.signedAt)}</dd>
            </>
          )}
        </dl>
      )}
      {a && mode === 'idle' && (
        <div className="button-row">
          {a.status === 'awaiting_signature' && (
            <>
              <button type="button" className="btn btn-primary" onClick={() => void sendLink()}>Send signing link</button>
              <button type="button" className="btn btn-secondary" onClick={() => setMode('sign')}>Sign in person</button>
            </>
          )}
          <a className="btn btn-secondary" href={consentPath(clientId, `/agreements/${a.id}/pdf`)} download>Download PDF</a>
          {(a.status === 'signed' || reconsent) && <button type="button" className="btn btn-quiet" onClick={() => setMode('prepare')}>{reconsent ? 'Offer the new version' : 'Prepare a new agreement'}</button>}
        </div>
      )}
      {link && (
        <div className="callout" aria-live="polite">
          <p>Give the client this link (it works once, until {instant(link.expiresAt)}). It is not shown again.</p>
          <p className="token-box" data-testid="signing-link">{link.url}</p>
          {!link.public && (
            <p data-testid="no-public-address">
              This practice has no public address set, so the link above only opens on this computer or your office network, not on the client's own phone or computer.
              Give it to the client on a device here, or ask them to sign in person. To send links to clients at home, an administrator starts Sanctum with the practice's public web address
              (<code>SANCTUM_PUBLIC_URL</code> or <code>sanctum serve --public-url</code>).
            </p>
          )}
        </div>
      )}
      {mode === 'prepare' && <PrepareForm clientId={clientId} onDone={finished} onCancel={() => setMode('idle')} />}
      {a && mode === 'sign' && <InPersonSignForm clientId={clientId} agreement={a} risks={status.channelRisks} young={status.audience === 'young'} onDone={finished} onCancel={() => setMode('idle')} />}
      {a && (
        <details className="agreement-details">
          <summary>Read the agreement text</summary>
          <div className="agreement agreement-scroll" tabIndex={0} role="region" aria-label="Agreement text"><Blocks blocks={toBlocks(a.text)} base={3} /></div>
        </details>
      )}
    </Card>
  );
}
