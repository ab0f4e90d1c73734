import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { navigate } from '../../router.js';

const FIELDS = ['name', 'pronouns', 'dob', 'email', 'phone', 'address', 'gp', 'emergencyContact'] as const;
type Form = Record<(typeof FIELDS)[number], string>;
const EMPTY: Form = { name: '', pronouns: '', dob: '', email: '', phone: '', address: '', gp: '', emergencyContact: '' };

/** Opens a case: only the name is needed now; the rest can be added when the client shares it. */
export function AddClientForm({ onCancel }: { onCancel: () => void }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!form.name.trim()) return setField('name', "Enter the client's name.");
    const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
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
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <div className="grid-2">
          <Field label="Full name" error={errors.fields.name}>
            {(p) => <input {...p} name="name" autoComplete="off" value={form.name} onChange={set('name')} autoFocus />}
          </Field>
          <Field label="Pronouns" optional error={errors.fields.pronouns}>
            {(p) => <input {...p} name="pronouns" autoComplete="off" value={form.pronouns} onChange={set('pronouns')} />}
          </Field>
          <Field label="Date of birth" optional error={errors.fields.dob}>
            {(p) => <input {...p} name="dob" type="date" value={form.dob} onChange={set('dob')} />}
          </Field>
          <Field label="Email" optional error={errors.fields.email}>
            {(p) => <input {...p} name="email" type="email" autoComplete="off" value={form.email} onChange={set('email')} />}
          </Field>
          <Field label="Phone" optional error={errors.fields.phone}>
            {(p) => <input {...p} name="phone" type="tel" autoComplete="off" value={form.phone} onChange={set('phone')} />}
          </Field>
          <Field label="GP or primary care provider" optional error={errors.fields.gp}>
            {(p) => <input {...p} name="gp" autoComplete="off" value={form.gp} onChange={set('gp')} />}
          </Field>
          <Field label="Address" optional error={errors.fields.address}>
            {(p) => <textarea {...p} name="address" rows={3} value={form.address} onChange={set('address')} />}
          </Field>
          <Field label="Emergency contact" optional hint="Name, relationship and phone." error={errors.fields.emergencyContact}>
            {(p) => <textarea {...p} name="emergencyContact" rows={3} value={form.emergencyContact} onChange={set('emergencyContact')} />}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add client'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
