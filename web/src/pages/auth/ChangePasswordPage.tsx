import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { GateLayout } from '../../components/GateLayout.js';
import { type NewPassword, NewPasswordFields, PasswordRules, ShowPasswords, newPasswordProblem } from '../../components/NewPasswordFields.js';
import { useFormErrors } from '../../components/useFormErrors.js';

const FIELDS = ['newPassword', 'confirmPassword'] as const;

interface Props {
  practiceName?: string | null;
  displayName: string;
  onDone: () => void;
  /** The temporary password ran out, or the session ended: back to sign-in with the reason. */
  onEnded: (reason: string) => void;
  onSignOut: () => void;
}

/** After an admin's reset: the temporary password opened this screen and nothing else. */
export function ChangePasswordPage({ practiceName, displayName, onDone, onEnded, onSignOut }: Props) {
  const [form, setForm] = useState<NewPassword>({ newPassword: '', confirmPassword: '' });
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const problem = newPasswordProblem(form);
    if (problem) return setField(problem.field, problem.message);
    setBusy(true);
    try {
      await api.post('/api/auth/password', { newPassword: form.newPassword }, { quiet: true });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onEnded(err.message);
      else fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <GateLayout practiceName={practiceName}>
      <div className="gate-card">
        <h1 tabIndex={-1} ref={heading}>
          Choose a new password
        </h1>
        <p>
          Welcome back, {displayName}. Your practice admin reset your password, and the temporary one has done its job: choose your own now. Nothing else
          opens until you do.
        </p>
        <form onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <PasswordRules current="the temporary password" />
          <NewPasswordFields value={form} onChange={setForm} errors={errors.fields} show={show} />
          <ShowPasswords show={show} onChange={setShow} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Saving…' : 'Save and continue'}
          </button>
          <button type="button" className="btn btn-link" onClick={onSignOut}>
            Sign out without changing it
          </button>
        </form>
      </div>
    </GateLayout>
  );
}
