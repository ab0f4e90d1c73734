import { type FormEvent, useState } from 'react';
import { type Grant, type TotpEnrolment, api } from '../../api.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { GateLayout } from '../../components/GateLayout.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { RecoveryCodes, RecoveryCodesShownOnce } from './RecoveryCodes.js';
import { TotpSecret } from './TotpSecret.js';

const FIELDS = ['code', 'saved'] as const;

interface Props {
  practiceName?: string | null;
  /** Straight after set-up this includes the recovery codes; after a later sign-in it is fetched. */
  enrolment?: TotpEnrolment;
  onDone: (grant: Grant) => void;
}

export function EnrolPage({ practiceName, enrolment: given, onDone }: Props) {
  // Straight after set-up the enrolment is in hand; otherwise it is fetched once.
  const { data: fetched, error: loadError } = useLoad(() => (given ? Promise.resolve(null) : api.get<TotpEnrolment>('/api/auth/totp')), [given]);
  const enrolment = given ?? fetched;
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);

  const codes = enrolment?.recoveryCodes ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (codes.length > 0 && !saved) return setField('saved', 'Confirm that you have saved your recovery codes.');
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return setField('code', 'Enter the 6-digit code your app shows now.');
    const typed = code.replace(/\s/g, '');
    setCode('');
    await run(async () => onDone(await api.post<Grant>('/api/auth/totp/confirm', { code: typed })));
  };

  return (
    <GateLayout practiceName={practiceName} wide>
      <div className="gate-card">
        {given && <p className="step">Step 2 of 2</p>}
        <h1 tabIndex={-1}>Set up your second factor</h1>
        <p className="lead">
          Signing in will need your password and a 6-digit code from an authenticator app on your phone (any standard app works).
        </p>
        {loadError && <FormError message={loadError} />}
        {!enrolment && !loadError && <Loading />}
        {enrolment && (
          <>
            <TotpSecret enrolment={enrolment} />
            {codes.length > 0 ? <RecoveryCodes codes={codes} /> : <RecoveryCodesShownOnce />}
            <form onSubmit={submit} noValidate className="enrol-confirm">
              <h2>3. Confirm</h2>
              <FormError message={errors.form} />
              {codes.length > 0 && (
                <CheckboxField
                  className={`field${errors.fields.saved ? ' field-invalid' : ''}`}
                  name="saved"
                  label="I have saved my recovery codes somewhere safe"
                  checked={saved}
                  onChange={setSaved}
                  error={errors.fields.saved}
                />
              )}
              <TextField label="6-digit code from your app" name="code" controlClassName="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={setCode} error={errors.fields.code} />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? 'Checking…' : 'Confirm and open Sanctum'}
              </button>
            </form>
          </>
        )}
      </div>
    </GateLayout>
  );
}
