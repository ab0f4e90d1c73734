import { type FormEvent, useState } from 'react';
import { type Grant, api } from '../../api.js';
import { TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { GateLayout } from '../../components/GateLayout.js';
import { useSubmit } from '../../components/useSubmit.js';

const FIELDS = ['email', 'password', 'code', 'recoveryCode'] as const;

interface Props {
  practiceName?: string | null;
  reason?: string;
  onSignedIn: (grant: Grant) => void;
}

export function SignInPage({ practiceName, reason, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!email.trim()) return setField('email', 'Enter your email address.');
    if (!password) return setField('password', 'Enter your password.');
    const secondFactor = code.replace(/\s/g, '');
    // Empty is allowed: before a second factor is set up (first sign-in, or after an admin reset) there is no code yet.
    if (!useRecovery && secondFactor && !/^\d{6}$/.test(secondFactor)) return setField('code', 'Enter the 6-digit code from your authenticator app.');
    if (useRecovery && !secondFactor) return setField('recoveryCode', 'Enter one of your recovery codes.');
    const body = { email: email.trim(), password, ...(useRecovery ? { recoveryCode: secondFactor } : secondFactor ? { code: secondFactor } : {}) };
    // A code is spent or stale once tried: the field is emptied whatever the answer.
    setCode('');
    await run(async () => {
      const grant = await api.post<Grant>('/api/auth/signin', body, { quiet: true });
      setPassword('');
      onSignedIn(grant);
    });
  };

  return (
    <GateLayout practiceName={practiceName}>
      <div className="gate-card">
        <h1 tabIndex={-1}>Sign in</h1>
        {reason && <p className="alert alert-info">{reason}</p>}
        <form onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <TextField label="Email address" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.fields.email} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors.fields.password} />
          {useRecovery ? (
            <TextField label="Recovery code" hint="Each recovery code works once. Set up a new authenticator afterwards." name="recoveryCode" autoComplete="off" spellCheck={false} value={code} onChange={setCode} error={errors.fields.recoveryCode} />
          ) : (
            <TextField label="6-digit code" hint="From the authenticator app on your phone. Not set one up yet? Leave this empty: setting it up comes next." name="code" controlClassName="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={setCode} error={errors.fields.code} />
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setCode('');
              clear();
            }}
          >
            {useRecovery ? 'Use a code from my authenticator app' : 'Use a recovery code instead'}
          </button>
        </form>
      </div>
    </GateLayout>
  );
}
