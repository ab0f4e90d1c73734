import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { navigate } from '../../router.js';
import { IDENTITY_FIELDS, IdentityFields, NO_IDENTITY } from '../client/IdentityFields.js';

/** Opens a case: only the name is needed now; the rest can be added when the client shares it. */
export function AddClientForm({ onCancel }: { onCancel: () => void }) {
  const { errors, busy, run, setField } = useSubmit(IDENTITY_FIELDS);
  const { values, bind } = useFieldValues(NO_IDENTITY, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    if (!values.name.trim()) return setField('name', "Enter the client's name.");
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    await run(async () => {
      const created = await api.post<{ id: string; caseCode: string }>('/api/clients', body);
      announce(`Client added with case code ${created.caseCode}.`);
      navigate(`/clients/${encodeURIComponent(created.id)}`);
    });
  };

  return (
    <Card title="Add a client" description="Only the name is needed now. Contact details are stored apart from clinical notes and encrypted separately." className="card-form">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Add client" busyLabel="Adding…" onCancel={onCancel}>
        <div className="grid-2">
          <IdentityFields bind={bind} autoFocus />
        </div>
      </Form>
    </Card>
  );
}
