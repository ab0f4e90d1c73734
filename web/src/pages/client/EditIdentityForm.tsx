import { type ClientIdentity, api } from '../../api.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { IDENTITY_FIELDS, IdentityFields, type IdentityValues } from './IdentityFields.js';

/**
 * Corrects identity details in place. Every field is sent, so emptying one removes it; the server
 * checks each value and names the field it refuses, shown beside that field.
 */
export function EditIdentityForm({ clientId, identity, onDone, onCancel }: { clientId: string; identity: ClientIdentity; onDone: () => Promise<void>; onCancel: () => void }) {
  const { errors, busy, run, setField } = useSubmit(IDENTITY_FIELDS);
  const { values, bind } = useFieldValues(Object.fromEntries(IDENTITY_FIELDS.map((k) => [k, identity[k] ?? ''])) as IdentityValues, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    if (!values.name.trim()) return setField('name', "Enter the client's name.");
    await run(async () => {
      await api.patch(`/api/clients/${encodeURIComponent(clientId)}`, Object.fromEntries(IDENTITY_FIELDS.map((k) => [k, values[k].trim()])));
      announce('Details saved.');
      await onDone();
    });
  };

  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save details" busyLabel="Saving…" onCancel={onCancel} className="identity-form" aria-label="Edit identity and contact details">
      <IdentityFields bind={bind} />
    </Form>
  );
}
