import { CodesToHandOver } from './CodesToHandOver.js';

/** After a second-factor reset: the new recovery codes, shown once, like a new colleague's. */
export function ResetCodes({ name, codes, onDone }: { name: string; codes: string[]; onDone: () => void }) {
  return (
    <CodesToHandOver title={`New recovery codes for ${name}`} codes={codes} testId="reset-recovery-codes" onDone={onDone}>
      <p>
        <strong>These codes are shown only now.</strong> Print them and hand them to {name} in person. Do not email or message them. Their old codes no longer work.
      </p>
      <p>At their next sign-in, {name} enters their password and then sets up their authenticator again, exactly as on their first day.</p>
    </CodesToHandOver>
  );
}
