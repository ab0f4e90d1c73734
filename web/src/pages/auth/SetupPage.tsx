import { type FormEvent, useId, useState } from 'react';
import { type TotpEnrolment, api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { GateLayout } from '../../components/GateLayout.js';
import { PasswordStrength } from '../../components/PasswordStrength.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { JURISDICTIONS } from './jurisdictions.js';

const FIELDS = ['practiceName', 'jurisdiction', 'displayName', 'email', 'password', 'passphrase', 'passphraseAgain'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** First run: the practice, the first account, and the vault passphrase. */
export function SetupPage({ onDone }: { onDone: (enrolment: TotpEnrolment) => void }) {
  const [form, setForm] = useState<Form>({ practiceName: '', jurisdiction: 'GB-ENG', displayName: '', email: '', password: '', passphrase: '', passphraseAgain: '' });
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const strengthId = useId();
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!form.practiceName.trim()) return setField('practiceName', 'Enter the name of your practice.');
    if (!form.displayName.trim()) return setField('displayName', 'Enter your name.');
    if (!form.email.includes('@')) return setField('email', 'Enter an email address, like name@example.org.');
    if (form.password.length < 12) return setField('password', 'Use at least 12 characters.');
    if (form.passphrase.length < 12) return setField('passphrase', 'Use at least 12 characters.');
    if (form.passphrase === form.password) return setField('passphrase', 'Choose a passphrase different from your password.');
    if (form.passphrase !== form.passphraseAgain) return setField('passphraseAgain', 'The two passphrases are not the same.');
    setBusy(true);
    try {
      // UK practices run on UK time whatever the computer says; a US practice takes the US zone it
      // is set up in, or else its state's (chosen by the server).
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const timeZone = form.jurisdiction.startsWith('GB-') ? 'Europe/London' : /^(America|Pacific)\//.test(browserZone) ? browserZone : undefined;
      const { passphraseAgain: _again, ...body } = form;
      const enrolment = await api.post<TotpEnrolment>('/api/setup', { ...body, practiceName: form.practiceName.trim(), displayName: form.displayName.trim(), email: form.email.trim(), timeZone }, { quiet: true });
      onDone(enrolment);
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <GateLayout wide>
      <div className="gate-card">
        <p className="step">Step 1 of 2</p>
        <h1 tabIndex={-1}>Set up your practice</h1>
        <p className="lead">This takes a couple of minutes. Everything you enter stays on this server.</p>
        <form onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <fieldset>
            <legend>Your practice</legend>
            <Field label="Practice name" hint="Shown at the top of every screen and on letters." error={errors.fields.practiceName}>
              {(p) => <input {...p} name="practiceName" autoComplete="organization" value={form.practiceName} onChange={set('practiceName')} />}
            </Field>
            <Field label="Where you practise" hint="Sets the laws, deadlines and record-keeping rules Sanctum applies." error={errors.fields.jurisdiction}>
              {(p) => (
                <select {...p} name="jurisdiction" value={form.jurisdiction} onChange={set('jurisdiction')}>
                  {JURISDICTIONS.map((j) => (
                    <option key={j.code} value={j.code}>{j.label}</option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Your account</legend>
            <Field label="Your name" error={errors.fields.displayName}>
              {(p) => <input {...p} name="displayName" autoComplete="name" value={form.displayName} onChange={set('displayName')} />}
            </Field>
            <Field label="Email address" hint="You sign in with this." error={errors.fields.email}>
              {(p) => <input {...p} name="email" type="email" autoComplete="username" value={form.email} onChange={set('email')} />}
            </Field>
            <Field label="Password" error={errors.fields.password}>
              {(p) => (
                <>
                  <input {...p} aria-describedby={[p['aria-describedby'], strengthId].filter(Boolean).join(' ')} name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
                  <PasswordStrength password={form.password} id={strengthId} />
                </>
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Vault passphrase</legend>
            <div className="callout callout-warning">
              <p>
                <strong>The vault passphrase unlocks every record whenever Sanctum starts.</strong> It is separate from your password
                and it <strong>cannot be recovered or reset</strong>: if it is lost, the records cannot be opened by anyone, including us.
              </p>
              <p>Write it down and keep it somewhere safe and offline, such as a locked drawer or a password manager.</p>
            </div>
            <Field label="Vault passphrase" hint="At least 12 characters and not a common phrase; a few unrelated words work well." error={errors.fields.passphrase}>
              {(p) => <input {...p} name="passphrase" type="password" autoComplete="off" value={form.passphrase} onChange={set('passphrase')} />}
            </Field>
            <Field label="Vault passphrase again" error={errors.fields.passphraseAgain}>
              {(p) => <input {...p} name="passphraseAgain" type="password" autoComplete="off" value={form.passphraseAgain} onChange={set('passphraseAgain')} />}
            </Field>
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Setting up… this can take a few seconds' : 'Create practice and continue'}
          </button>
        </form>
      </div>
    </GateLayout>
  );
}
