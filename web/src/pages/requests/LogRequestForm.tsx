import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { caseloadOnce } from '../../components/useCaseNames.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { todayCivil } from '../../format.js';
import { navigate } from '../../router.js';
import { ASK_LABELS, AUTHORITY_LABELS, CONCERN_LABELS, REQUESTER_LABELS, options } from './types.js';

const FIELDS = ['requesterType', 'requester.organisation', 'requester.name', 'asks', 'asked', 'authority', 'clientId', 'receivedOn', 'dueOn', 'concerns'] as const;
const CHOOSE = { value: '', label: 'Choose…' };

/** Log a request in under a minute: who, what they ask, on what authority, about whom. */
export function LogRequestForm() {
  const { data: clients } = useLoad(caseloadOnce, []);
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values: f, bind } = useFieldValues(
    { requesterType: '', 'requester.organisation': '', 'requester.name': '', asks: '', asked: '', authority: 'none', clientId: '', receivedOn: todayCivil(), dueOn: '' },
    errors.fields,
  );
  const [concerns, setConcerns] = useState<string[]>([]);
  const [emergency, setEmergency] = useState(false);

  const submit = () =>
    run(async () => {
      const r = await api.post<{ id: string }>('/api/requests', {
        requesterType: f.requesterType, requester: { name: f['requester.name'], organisation: f['requester.organisation'] }, asks: f.asks, asked: f.asked, authority: f.authority,
        clientId: f.clientId || null, receivedOn: f.receivedOn, dueOn: f.dueOn || null, concerns, emergency,
      });
      navigate(`/requests/${encodeURIComponent(r.id)}`);
    });

  const clientChoices = (clients ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.caseCode})${c.status === 'closed' ? ', closed' : ''}` }));
  return (
    <Card title="Log a request" description="Every request is logged, whoever it comes from. Sanctum triages it against the law where you practise.">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Log and triage" busyLabel="Logging…" className="request-form">
        <div className="grid-2">
          <SelectField label="Who is asking" options={[CHOOSE, ...options(REQUESTER_LABELS)]} {...bind('requesterType')} />
          <TextField label="Organisation" optional maxLength={200} {...bind('requester.organisation')} />
          <TextField label="Their name" optional maxLength={200} autoComplete="off" {...bind('requester.name')} />
          <SelectField label="What they ask for" options={[CHOOSE, ...options(ASK_LABELS)]} {...bind('asks')} />
        </div>
        <TextArea label="The request in brief" hint="What they asked, in your words. Kept encrypted." rows={3} {...bind('asked')} />
        <div className="grid-2">
          <SelectField label="Authority shown" options={options(AUTHORITY_LABELS)} {...bind('authority')} />
          <SelectField label="About which client" hint="Leave as not confirmed unless you know, and never confirm it to the requester." options={[{ value: '', label: 'Not confirmed' }, ...clientChoices]} {...bind('clientId')} />
          <TextField label="Received on" type="date" max={todayCivil()} {...bind('receivedOn')} />
          <TextField label="Reply due by" optional type="date" {...bind('dueOn')} />
        </div>
        <ChoiceGroup
          type="checkbox"
          className="concerns check-grid"
          legend={<>Concerns raised <span className="optional">(optional)</span></>}
          name="concerns"
          options={options(CONCERN_LABELS)}
          values={concerns}
          onChange={setConcerns}
          error={errors.fields.concerns}
        />
        <CheckboxField name="emergency" label="Emergency: someone is at imminent risk" checked={emergency} onChange={setEmergency} />
      </Form>
    </Card>
  );
}
