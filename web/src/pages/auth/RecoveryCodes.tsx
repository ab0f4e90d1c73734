import { useState } from 'react';

/** One-time codes for the day the phone is lost; shown once, never again. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <section className="enrol-step" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">2. Save your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes lets you sign in once. <strong>They are shown only now.</strong> Print them or
        keep them in a password manager, away from this computer.
      </p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy codes
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
          Print
        </button>
        <span role="status" className="inline-status">{copied ? 'Copied to the clipboard.' : ''}</span>
      </div>
    </section>
  );
}
