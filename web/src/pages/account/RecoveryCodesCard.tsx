import { type FormEvent, useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { RecoveryCodeList } from '../auth/RecoveryCodes.js';

const FIELDS = ['password', 'code'] as const;
const EMPTY = { password: '', code: '' };

/**
 * The second factor and the recovery codes behind it: how many codes are left, and a new set
 * after proving it is you again (password and a current code). The new codes are shown once.
 */
export function RecoveryCodesCard() {
  const [remaining, setRemaining] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  useEffect(() => {
    api.get<{ remaining: number }>('/api/me/recovery-codes').then((r) => setRemaining(r.remaining), (e) => setLoadError(messageOf(e)));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!form.password) return setField('password', 'Enter your password.');
    if (!/^\d{6}$/.test(form.code.replace(/\s/g, ''))) return setField('code', 'Enter the 6-digit code your app shows now.');
    setBusy(true);
    try {
      const res = await api.post<{ codes: string[] }>('/api/me/recovery-codes', { password: form.password, code: form.code.replace(/\s/g, '') });
      setCodes(res.codes);
      setRemaining(res.codes.length);
      setForm(EMPTY);
      setAsking(false);
      announce('New recovery codes made. Your old codes no longer work.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
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
        <form onSubmit={submit} noValidate aria-label="Make new recovery codes">
          <p>To make new codes, confirm it is you. Every earlier code stops working.</p>
          <FormError message={errors.form} />
          <Field label="Your password" error={errors.fields.password}>
            {(p) => <input {...p} name="password" type="password" autoComplete="current-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}
          </Field>
          <Field label="6-digit code from your app" error={errors.fields.code}>
            {(p) => <input {...p} name="code" className="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Checking…' : 'Make new codes'}</button>
            <button type="button" className="btn btn-quiet" onClick={() => { setAsking(false); setForm(EMPTY); clear(); }}>Cancel</button>
          </div>
        </form>
      )}
    </Card>
  );
}
