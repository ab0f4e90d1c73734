import { useState } from 'react';

/** One-time codes for the day the phone is lost; shown once, never again. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section className="enrol-step" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">2. Save your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes lets you sign in once. <strong>They are shown only now.</strong> Print them or
        keep them in a password manager, away from this computer.
      </p>
      <RecoveryCodeList codes={codes} />
    </section>
  );
}

/** The codes with copy and print, wherever they are shown (enrolment, or new ones from the account page). */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <>
      <CodeList codes={codes} testId="recovery-codes" />
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy codes
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
          Print
        </button>
        <span role="status" className="inline-status">{copied ? 'Copied to the clipboard.' : ''}</span>
      </div>
    </>
  );
}

/** One-time codes as a numbered list, each in code type, ready to read out or copy by hand. */
export function CodeList({ codes, testId }: { codes: string[]; testId: string }) {
  return (
    <ol className="recovery-codes" data-testid={testId}>
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ol>
  );
}

/**
 * Enrolment reopened after a reload (or a later sign-in): the codes were shown once and are gone,
 * which is said plainly, with where to make new ones.
 */
export function RecoveryCodesShownOnce() {
  return (
    <section className="enrol-step" aria-labelledby="recovery-heading" data-testid="recovery-shown-once">
      <h2 id="recovery-heading">2. Your recovery codes</h2>
      <p>
        Your recovery codes were shown once, when your account was made (or handed to you by your practice admin), and cannot be shown again.
        If you did not save them, finish setting up your second factor below, then make new ones from <strong>Your account</strong> (the name at the top of every page):
        you will be asked for your password and a current code, and the old codes stop working.
      </p>
    </section>
  );
}
