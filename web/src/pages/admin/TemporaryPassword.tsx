import { instant } from '../../format.js';
import { CodesToHandOver } from './CodesToHandOver.js';

/** After a password reset: the temporary password, shown once, like recovery codes. */
export function TemporaryPassword({ name, password, expiresAt, secondFactor, onDone }: { name: string; password: string; expiresAt: string; secondFactor: boolean; onDone: () => void }) {
  return (
    <CodesToHandOver title={`Temporary password for ${name}`} codes={[password]} testId="temporary-password" doneLabel="I have handed it over" onDone={onDone}>
      <p>
        <strong>This password is shown only now.</strong> Give it to {name} in person or read it out on a call you placed to a number you know is theirs. Do not email or message it. It
        stops working at {instant(expiresAt)}.
      </p>
      <p>
        {secondFactor
          ? `At their next sign-in, ${name} enters it with the code from their authenticator app, as usual, and must then choose a new password before anything else opens. If they have lost their phone too, also reset their second factor.`
          : `At their next sign-in, ${name} enters it, sets up their authenticator app, and then chooses a new password before anything else opens.`}
      </p>
    </CodesToHandOver>
  );
}
