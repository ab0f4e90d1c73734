import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { type NewPassword, NewPasswordFields, PasswordRules, ShowPasswords, newPasswordProblem } from '../../components/NewPasswordFields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { useSession } from '../../session.js';
import { RecoveryCodesCard } from './RecoveryCodesCard.js';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
const ROLE_WORDS: Record<string, string> = { practitioner: 'Practitioner', admin: 'Admin' };

/** The signed-in person's own account: who they are signed in as, their password, and their second factor's recovery codes. */
export function AccountPage() {
  const { user } = useSession();
  const [form, setForm] = useState(EMPTY);
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    if (!form.currentPassword) return setField('currentPassword', 'Enter the password you signed in with.');
    const problem = newPasswordProblem(form);
    if (problem) return setField(problem.field, problem.message);
    if (form.newPassword === form.currentPassword) return setField('newPassword', 'The new password must be different from the current one.');
    setBusy(true);
    try {
      const res = await api.post<{ sessionsEnded: number }>('/api/me/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      setForm(EMPTY);
      setShow(false);
      const elsewhere = res.sessionsEnded === 0 ? 'You were not signed in anywhere else.' : `You have been signed out everywhere else (${res.sessionsEnded === 1 ? '1 other session' : `${res.sessionsEnded} other sessions`}).`;
      setDone(`Your password has been changed. Use the new one from your next sign-in. ${elsewhere}`);
      announce('Password changed.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <PageHeader title="Your account" lead="How you sign in to Sanctum. Your practice admin manages your name and roles." />
      <dl className="account-facts">
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
        <dt>Signs in as</dt>
        <dd className="break">{user.email}</dd>
        <dt>Roles</dt>
        <dd>{user.roles.map((r) => ROLE_WORDS[r] ?? r).join(', ')}</dd>
      </dl>
      <Card title="Change your password" description="Changing it signs you out on every other computer and browser; you stay signed in here.">
        {done && (
          <p className="alert alert-success" role="status" data-testid="password-changed">
            {done}
          </p>
        )}
        <form onSubmit={submit} noValidate className="password-form">
          <FormError message={errors.form} />
          <Field label="Current password" error={errors.fields.currentPassword}>
            {(p) => <input {...p} name="currentPassword" type={show ? 'text' : 'password'} autoComplete="current-password" spellCheck={false} value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />}
          </Field>
          <PasswordRules current="your current password" />
          <NewPasswordFields value={form} onChange={(v: NewPassword) => setForm({ ...form, ...v })} errors={errors.fields} show={show} />
          <ShowPasswords show={show} onChange={setShow} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </form>
      </Card>
      <RecoveryCodesCard />
    </div>
  );
}
