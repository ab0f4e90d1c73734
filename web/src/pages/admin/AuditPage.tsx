import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useBusy } from '../../components/useBusy.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ActionButton } from './ActionButton.js';
import { AdminTabs } from './AdminTabs.js';
import { useAnnounce } from '../../components/Status.js';
import { instant } from '../../format.js';
import { Link } from '../../router.js';
import { saveFile } from '../backup/download.js';
import type { Checkpoint, VerifyResult } from './types.js';
import './admin.css';

/**
 * Every entry in the audit log carries the hash of the one before it. Verifying walks the whole
 * chain; a signed checkpoint kept outside Sanctum later proves the chain was not rebuilt.
 */
export function AuditPage() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const verifying = useBusy();
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const saving = useBusy();
  const [saved, setSaved] = useState<Checkpoint | null>(null);
  const [checkpointError, setCheckpointError] = useState<string | null>(null);
  const announce = useAnnounce();

  const verify = async () => {
    setVerifyError(null);
    setResult(null);
    await verifying.run(async () => {
      const r = await api.post<VerifyResult>('/api/audit/verify');
      setResult(r);
      announce(r.ok ? 'The audit chain is intact.' : 'The audit chain is broken.');
    }, (err) => setVerifyError(messageOf(err)));
  };

  const checkpoint = async () => {
    setCheckpointError(null);
    await saving.run(async () => {
      const cp = await api.post<Checkpoint>('/api/audit/checkpoint');
      saveFile(new Blob([`${JSON.stringify(cp, null, 2)}\n`], { type: 'application/json' }), `sanctum-audit-checkpoint-${cp.seq}.json`);
      setSaved(cp);
      announce('Checkpoint downloaded.');
    }, (err) => setCheckpointError(messageOf(err)));
  };

  return (
    <div className="page">
      <PageHeader title="Audit log" lead="Every read, change, export and disclosure is recorded in a chain in which each entry seals the one before it." />
      <AdminTabs current="audit" />
      <div className="audit-grid">
        <Card title="Verify the audit chain" description="Recomputes every entry's seal from the first to the latest. Any entry changed, removed or inserted afterwards breaks the chain at that point.">
          <FormError message={verifyError} />
          <ActionButton className="btn btn-primary" label="Verify the audit chain" busyLabel="Verifying…" busy={verifying.busy} onClick={() => void verify()} />
          {result && <VerifyOutcome result={result} />}
        </Card>
        <Card title="Signed checkpoint" description="A small file, signed by this practice's key, naming the latest entry and its seal. Keep it outside Sanctum — printed, or on another device.">
          <p>If the whole log were ever rebuilt, the seal at that entry would no longer match the checkpoint. Check one with <code>sanctum audit verify --checkpoint FILE</code>.</p>
          <FormError message={checkpointError} />
          <ActionButton label="Download a signed checkpoint" busyLabel="Signing…" busy={saving.busy} onClick={() => void checkpoint()} />
          {saved && (
            <p className="audit-note" data-testid="checkpoint-saved">
              Downloaded a checkpoint of entry {saved.seq}, signed {instant(saved.at)}.
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  if (result.ok) {
    return (
      <div className="alert alert-info audit-result" data-testid="verify-result">
        <p>
          <strong>The chain is intact.</strong> {result.entries.toLocaleString()} {result.entries === 1 ? 'entry' : 'entries'} checked.
        </p>
        {result.headHash && (
          <p className="audit-hash">
            Latest entry {result.headSeq}: <code>{result.headHash}</code>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="alert alert-error audit-result" role="alert" data-testid="verify-result">
      <p>
        <strong>The chain is broken{result.firstBadSeq !== undefined ? ` at entry ${result.firstBadSeq}` : ''}.</strong> {result.reason}
      </p>
      <p>
        Entries may have been altered or removed. Do not change anything further; <Link to="/breaches">record it in the breach register</Link> and keep a
        backup of the data folder as it is now.
      </p>
    </div>
  );
}
