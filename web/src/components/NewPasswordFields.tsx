import { useId } from 'react';
import './password.css';
import { Field } from './Field.js';
import { PasswordStrength } from './PasswordStrength.js';

export interface NewPassword {
  newPassword: string;
  confirmPassword: string;
}

/** The rule in plain words; the server applies the same one when a password is first set. */
export function PasswordRules({ current }: { current: string }) {
  return (
    <div className="password-rules">
      <p>A good password here:</p>
      <ul>
        <li>has at least 12 characters: three or four unrelated words are strong and easy to remember;</li>
        <li>is not a common password or one known from data breaches (those are refused);</li>
        <li>is different from {current}, and not used for anything else.</li>
      </ul>
    </div>
  );
}

/** "Show passwords": typing an unseen password twice is where mistakes creep in. */
export function ShowPasswords({ show, onChange }: { show: boolean; onChange: (show: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={show} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>Show passwords</label>
    </div>
  );
}

interface Props {
  value: NewPassword;
  onChange: (v: NewPassword) => void;
  errors: Partial<Record<keyof NewPassword, string>>;
  show: boolean;
}

/** New password and the same again, with a private strength guide while typing. */
export function NewPasswordFields({ value, onChange, errors, show }: Props) {
  const strengthId = useId();
  const type = show ? 'text' : 'password';
  return (
    <>
      <Field label="New password" error={errors.newPassword}>
        {(p) => (
          <>
            <input {...p} aria-describedby={[p['aria-describedby'], strengthId].filter(Boolean).join(' ')} name="newPassword" type={type} autoComplete="new-password" spellCheck={false} value={value.newPassword} onChange={(e) => onChange({ ...value, newPassword: e.target.value })} />
            <PasswordStrength password={value.newPassword} id={strengthId} advice={false} />
          </>
        )}
      </Field>
      <Field label="New password again" error={errors.confirmPassword}>
        {(p) => <input {...p} name="confirmPassword" type={type} autoComplete="new-password" spellCheck={false} value={value.confirmPassword} onChange={(e) => onChange({ ...value, confirmPassword: e.target.value })} />}
      </Field>
    </>
  );
}

/** Checks made before asking the server; it repeats every one of them and adds the rest. */
export function newPasswordProblem(v: NewPassword): { field: keyof NewPassword; message: string } | null {
  if ([...v.newPassword].length < 12) return { field: 'newPassword', message: 'Use at least 12 characters.' };
  if (v.newPassword !== v.confirmPassword) return { field: 'confirmPassword', message: 'The two new passwords are not the same.' };
  return null;
}
