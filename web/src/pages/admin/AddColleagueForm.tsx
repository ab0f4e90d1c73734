import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { PasswordStrength } from '../../components/PasswordStrength.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { ROLES } from './staff-labels.js';
import type { NewColleague } from './types.js';

const FIELDS = ['displayName', 'email', 'roles', 'password'] as const;

export function AddColleagueForm({ onDone, onCancel }: { onDone: (added: NewColleague & { displayName: string }) => void; onCancel: () => void }) {
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [roles, setRoles] = useState<string[]>(['practitioner']);
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const strengthId = useId();
  const rolesErrorId = useId();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const toggle = (role: string, on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!form.displayName.trim()) return setField('displayName', 'Enter their name.');
    if (!form.email.trim()) return setField('email', 'Enter the email address they will sign in with.');
    if (roles.length === 0) return setField('roles', 'Choose at least one role.');
    if (form.password.length < 12) return setField('password', 'Use at least 12 characters.');
    setBusy(true);
    try {
      const added = await api.post<NewColleague>('/api/users', { displayName: form.displayName.trim(), email: form.email.trim(), roles, password: form.password });
      onDone({ ...added, displayName: form.displayName.trim() });
    } catch (err) {
      // "Already signs in with that email" carries no field; it belongs beside the email.
      if (err instanceof ApiError && err.code === 'conflict') setField('email', err.message);
      else fromError(err);
      setBusy(false);
    }
  };

  return (
    <Card title="Add a colleague" className="card-form" description="They sign in with this email and first password, then set up their own second factor.">
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <div className="grid-2">
          <Field label="Name" error={errors.fields.displayName}>
            {(p) => <input {...p} name="displayName" autoComplete="off" value={form.displayName} onChange={set('displayName')} autoFocus />}
          </Field>
          <Field label="Email address" error={errors.fields.email}>
            {(p) => <input {...p} name="email" type="email" autoComplete="off" value={form.email} onChange={set('email')} />}
          </Field>
        </div>
        <fieldset className="role-choice" aria-describedby={errors.fields.roles ? rolesErrorId : undefined}>
          <legend>Roles</legend>
          {errors.fields.roles && (
            <p className="field-error" id={rolesErrorId}>
              <span aria-hidden="true">! </span>
              {errors.fields.roles}
            </p>
          )}
          {ROLES.map((r) => (
            <div className="field-check" key={r.id}>
              <input type="checkbox" id={`role-${r.id}`} name="roles" checked={roles.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-describedby={`role-${r.id}-help`} />
              <label htmlFor={`role-${r.id}`}>{r.label}</label>
              <span className="hint role-help" id={`role-${r.id}-help`}>
                {r.help}
              </span>
            </div>
          ))}
        </fieldset>
        <Field label="First password" hint="Tell them in person; they can change it later." error={errors.fields.password}>
          {(p) => (
            <>
              <input {...p} aria-describedby={[p['aria-describedby'], strengthId].filter(Boolean).join(' ')} name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
              <PasswordStrength password={form.password} id={strengthId} />
            </>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add colleague'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
