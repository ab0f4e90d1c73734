import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { RecoveryCodeList } from '../auth/RecoveryCodes.js';

const FIELDS = ['password', 'code'] as const;
const EMPTY = { password: '', code: '' };

/**
 * The second factor and the recovery codes behind it: how many codes are left, and a new set
 * after proving it is you again (password and a current code). The new codes are shown once.
 */
export function RecoveryCodesCard() {
  const { data: count, error: loadError, setData: setCount } = useLoad(() => api.get<{ remaining: number }>('/api/me/recovery-codes'), []);
  const remaining = count?.remaining ?? null;
  const [asking, setAsking] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { errors, busy, run, clear, setField } = useSubmit(FIELDS);
  const { values: form, setValues: setForm, bind } = useFieldValues(EMPTY, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    const code = form.code.replace(/\s/g, '');
    if (!form.password) return setField('password', 'Enter your password.');
    if (!/^\d{6}$/.test(code)) return setField('code', 'Enter the 6-digit code your app shows now.');
    await run(async () => {
      const res = await api.post<{ codes: string[] }>('/api/me/recovery-codes', { password: form.password, code });
      setCodes(res.codes);
      setCount({ remaining: res.codes.length });
      setForm(EMPTY);
      setAsking(false);
      announce('New recovery codes made. Your old codes no longer work.');
    });
  };
  const cancel = () => {
    setAsking(false);
    setForm(EMPTY);
    clear();
  };

  const left = remaining === null ? '' : remaining === 0 ? 'You have no unused recovery codes left.' : `${remaining} of your recovery codes ${remaining === 1 ? 'is' : 'are'} unused.`;
  return (
    <Card title="Second factor and recovery codes" description="Signing in takes your password and a 6-digit code from your authenticator app. A recovery code stands in for the app once, if you lose your phone.">
      <FormError message={loadError} />
      {remaining !== null && (
        <p data-testid="recovery-remaining" className={remaining <= 3 ? 'alert alert-info' : undefined}>
          {left} The codes themselves were shown once, when they were made, and cannot be shown again.
        </p>
      )}
      {codes && (
        <section aria-labelledby="new-codes-heading" className="new-recovery-codes">
          <h3 id="new-codes-heading">Your new recovery codes</h3>
          <p><strong>They are shown only now.</strong> Print them or keep them in a password manager. Your old codes no longer work.</p>
          <RecoveryCodeList codes={codes} />
        </section>
      )}
      {!asking ? (
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => { setAsking(true); setCodes(null); }}>Make new recovery codes…</button>
        </div>
      ) : (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Make new codes" busyLabel="Checking…" onCancel={cancel} aria-label="Make new recovery codes">
          <p>To make new codes, confirm it is you. Every earlier code stops working.</p>
          <TextField label="Your password" {...bind('password')} type="password" autoComplete="current-password" />
          <TextField label="6-digit code from your app" {...bind('code')} controlClassName="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} />
        </Form>
      )}
    </Card>
  );
}
