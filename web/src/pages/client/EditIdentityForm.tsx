import { type FormEvent, useState } from 'react';
import { type ClientIdentity, api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';

const FIELDS = ['name', 'pronouns', 'dob', 'email', 'phone', 'address', 'gp', 'emergencyContact'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/**
 * Corrects identity details in place. Every field is sent, so emptying one removes it; the server
 * checks each value and names the field it refuses, shown beside that field.
 */
export function EditIdentityForm({ clientId, identity, onDone, onCancel }: { clientId: string; identity: ClientIdentity; onDone: () => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState<Form>(() => Object.fromEntries(FIELDS.map((k) => [k, identity[k] ?? ''])) as Form);
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!form.name.trim()) return setField('name', "Enter the client's name.");
    setBusy(true);
    try {
      await api.patch(`/api/clients/${encodeURIComponent(clientId)}`, Object.fromEntries(FIELDS.map((k) => [k, form[k].trim()])));
      announce('Details saved.');
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="identity-form" aria-label="Edit identity and contact details">
      <FormError message={errors.form} />
      <Field label="Full name" error={errors.fields.name}>
        {(p) => <input {...p} name="name" autoComplete="off" value={form.name} onChange={set('name')} />}
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
      <Field label="Address" optional error={errors.fields.address}>
        {(p) => <textarea {...p} name="address" rows={3} value={form.address} onChange={set('address')} />}
      </Field>
      <Field label="GP or primary care provider" optional error={errors.fields.gp}>
        {(p) => <input {...p} name="gp" autoComplete="off" value={form.gp} onChange={set('gp')} />}
      </Field>
      <Field label="Emergency contact" optional hint="Name, relationship and phone." error={errors.fields.emergencyContact}>
        {(p) => <textarea {...p} name="emergencyContact" rows={3} value={form.emergencyContact} onChange={set('emergencyContact')} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
