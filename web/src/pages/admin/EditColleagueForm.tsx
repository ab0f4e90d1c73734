import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { ROLES } from './staff-labels.js';
import type { StaffMember } from './types.js';

const FIELDS = ['displayName', 'roles'] as const;

/** Name and roles. The server keeps the practice's last active admin; its refusal shows here. */
export function EditColleagueForm({ member, isSelf, onSaved }: { member: StaffMember; isSelf: boolean; onSaved: (m: StaffMember) => void }) {
  const [displayName, setDisplayName] = useState(member.displayName);
  const [roles, setRoles] = useState<string[]>(member.roles.filter((r) => ROLES.some((x) => x.id === r)));
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const idBase = useId();
  const rolesErrorId = `${idBase}-roles-error`;
  const toggle = (role: string, on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!displayName.trim()) return setField('displayName', 'Enter their name.');
    if (roles.length === 0) return setField('roles', 'Choose at least one role.');
    setBusy(true);
    try {
      onSaved(await api.patch<StaffMember>(`/api/users/${member.id}`, { displayName: displayName.trim(), roles }));
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Name and roles">
      <FormError message={errors.form} />
      <Field label="Name" hint="As colleagues see it on notes and in the team list." error={errors.fields.displayName}>
        {(p) => <input {...p} name="displayName" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
      </Field>
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
            <input type="checkbox" id={`${idBase}-${r.id}`} name="roles" checked={roles.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-describedby={`${idBase}-${r.id}-help`} />
            <label htmlFor={`${idBase}-${r.id}`}>{r.label}</label>
            <span className="hint role-help" id={`${idBase}-${r.id}-help`}>
              {r.help}
              {isSelf && r.id === 'admin' && ' Taking it away from yourself ends your access to this page.'}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name and roles'}
        </button>
      </div>
    </form>
  );
}
