import { useState } from 'react';
import { api } from '../../api.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { ROLES } from './staff-labels.js';
import type { StaffMember } from './types.js';

const FIELDS = ['displayName', 'roles'] as const;

/** Name and roles. The server keeps the practice's last active admin; its refusal shows here. */
export function EditColleagueForm({ member, isSelf, onSaved }: { member: StaffMember; isSelf: boolean; onSaved: (m: StaffMember) => void }) {
  const [displayName, setDisplayName] = useState(member.displayName);
  const [roles, setRoles] = useState<string[]>(member.roles.filter((r) => ROLES.some((x) => x.id === r)));
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const roleChoices = ROLES.map((r) => ({
    value: r.id,
    label: r.label,
    hint: isSelf && r.id === 'admin' ? `${r.help} Taking it away from yourself ends your access to this page.` : r.help,
  }));

  const submit = async () => {
    clear();
    if (!displayName.trim()) return setField('displayName', 'Enter their name.');
    if (roles.length === 0) return setField('roles', 'Choose at least one role.');
    await run(async () => onSaved(await api.patch<StaffMember>(`/api/users/${member.id}`, { displayName: displayName.trim(), roles })));
  };

  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save name and roles" busyLabel="Saving…" aria-label="Name and roles">
      <TextField label="Name" hint="As colleagues see it on notes and in the team list." name="displayName" autoComplete="off" value={displayName} onChange={setDisplayName} error={errors.fields.displayName} />
      <ChoiceGroup type="checkbox" className="role-choice" legend="Roles" name="roles" options={roleChoices} values={roles} onChange={setRoles} error={errors.fields.roles} />
    </Form>
  );
}
