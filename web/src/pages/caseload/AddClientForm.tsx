import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { navigate } from '../../router.js';

const FIELDS = ['name', 'pronouns', 'dob', 'email', 'phone', 'address', 'gp', 'emergencyContact'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = { name: '', pronouns: '', dob: '', email: '', phone: '', address: '', gp: '', emergencyContact: '' };

/** Opens a case: only the name is needed now; the rest can be added when the client shares it. */
export function AddClientForm({ onCancel }: { onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const { values, bind } = useFieldValues(EMPTY, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    clear();
    if (!values.name.trim()) return setField('name', "Enter the client's name.");
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    setBusy(true);
    try {
      const created = await api.post<{ id: string; caseCode: string }>('/api/clients', body);
      announce(`Client added with case code ${created.caseCode}.`);
      navigate(`/clients/${encodeURIComponent(created.id)}`);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <Card title="Add a client" description="Only the name is needed now. Contact details are stored apart from clinical notes and encrypted separately." className="card-form">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Add client" busyLabel="Adding…" onCancel={onCancel}>
        <div className="grid-2">
          <TextField label="Full name" {...bind('name')} autoComplete="off" autoFocus />
          <TextField label="Pronouns" optional {...bind('pronouns')} autoComplete="off" />
          <TextField label="Date of birth" optional {...bind('dob')} type="date" />
          <TextField label="Email" optional {...bind('email')} type="email" autoComplete="off" />
          <TextField label="Phone" optional {...bind('phone')} type="tel" autoComplete="off" />
          <TextField label="GP or primary care provider" optional {...bind('gp')} autoComplete="off" />
          <TextArea label="Address" optional {...bind('address')} rows={3} />
          <TextArea label="Emergency contact" optional hint="Name, relationship and phone." {...bind('emergencyContact')} rows={3} />
        </div>
      </Form>
    </Card>
  );
}
