import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { PasswordWithStrength } from '../auth/PasswordWithStrength.js';
import { ROLES } from './staff-labels.js';
import type { NewColleague } from './types.js';

const FIELDS = ['displayName', 'email', 'roles', 'password'] as const;
const ROLE_CHOICES = ROLES.map((r) => ({ value: r.id, label: r.label, hint: r.help }));

export function AddColleagueForm({ onDone, onCancel }: { onDone: (added: NewColleague & { displayName: string }) => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<string[]>(['practitioner']);
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const { values: form, bind } = useFieldValues({ displayName: '', email: '', password: '' }, errors.fields);

  const submit = async () => {
    clear();
    if (!form.displayName.trim()) return setField('displayName', 'Enter their name.');
    if (!form.email.trim()) return setField('email', 'Enter the email address they will sign in with.');
    if (roles.length === 0) return setField('roles', 'Choose at least one role.');
    if (form.password.length < 12) return setField('password', 'Use at least 12 characters.');
    const body = { displayName: form.displayName.trim(), email: form.email.trim(), roles, password: form.password };
    await run(async () => {
      try {
        onDone({ ...(await api.post<NewColleague>('/api/users', body)), displayName: body.displayName });
      } catch (err) {
        // "Already signs in with that email" carries no field; it belongs beside the email.
        if (err instanceof ApiError && err.code === 'conflict') setField('email', err.message);
        else throw err;
      }
    });
  };

  return (
    <Card title="Add a colleague" className="card-form" description="They sign in with this email and first password, then set up their own second factor.">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Add colleague" busyLabel="Adding…" onCancel={onCancel}>
        <div className="grid-2">
          <TextField label="Name" {...bind('displayName')} autoComplete="off" autoFocus />
          <TextField label="Email address" {...bind('email')} type="email" autoComplete="off" />
        </div>
        <ChoiceGroup type="checkbox" className="role-choice" legend="Roles" name="roles" options={ROLE_CHOICES} values={roles} onChange={setRoles} error={errors.fields.roles} />
        <PasswordWithStrength label="First password" hint="Tell them in person; they can change it later." {...bind('password')} />
      </Form>
    </Card>
  );
}
