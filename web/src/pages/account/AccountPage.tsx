import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { type NewPassword, NewPasswordFields, PasswordRules, ShowPasswords, newPasswordProblem } from '../../components/NewPasswordFields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useSubmit } from '../../components/useSubmit.js';
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
  const [done, setDone] = useState<string | null>(null);
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();

  const submit = async () => {
    setDone(null);
    if (!form.currentPassword) return setField('currentPassword', 'Enter the password you signed in with.');
    const problem = newPasswordProblem(form);
    if (problem) return setField(problem.field, problem.message);
    if (form.newPassword === form.currentPassword) return setField('newPassword', 'The new password must be different from the current one.');
    await run(async () => {
      const res = await api.post<{ sessionsEnded: number }>('/api/me/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      setForm(EMPTY);
      setShow(false);
      const elsewhere = res.sessionsEnded === 0 ? 'You were not signed in anywhere else.' : `You have been signed out everywhere else (${res.sessionsEnded === 1 ? '1 other session' : `${res.sessionsEnded} other sessions`}).`;
      setDone(`Your password has been changed. Use the new one from your next sign-in. ${elsewhere}`);
      announce('Password changed.');
    });
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
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Change password" busyLabel="Changing…" className="password-form">
          <TextField label="Current password" name="currentPassword" type={show ? 'text' : 'password'} autoComplete="current-password" spellCheck={false} value={form.currentPassword} onChange={(v) => setForm({ ...form, currentPassword: v })} error={errors.fields.currentPassword} />
          <PasswordRules current="your current password" />
          <NewPasswordFields value={form} onChange={(v: NewPassword) => setForm({ ...form, ...v })} errors={errors.fields} show={show} />
          <ShowPasswords show={show} onChange={setShow} />
        </Form>
      </Card>
      <RecoveryCodesCard />
    </div>
  );
}
