import { CodesToHandOver } from './CodesToHandOver.js';

/** A new colleague's recovery codes, handed over with their first password. */
export function NewColleagueCodes({ name, codes, onDone }: { name: string; codes: string[]; onDone: () => void }) {
  return (
    <CodesToHandOver title={`Recovery codes for ${name}`} codes={codes} testId="new-recovery-codes" onDone={onDone}>
      <p>
        <strong>These codes are shown only now.</strong> Print them and hand them to {name} in person, together with their first password. Do not email or
        message them.
      </p>
      <p>Each code lets {name} sign in once if they lose the phone that holds their second factor. They set that up the first time they sign in.</p>
    </CodesToHandOver>
  );
}
