import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { type SarRequest, choicesOf, longDate } from './types.js';
import { useRequestAction } from './useRequestAction.js';

const METHODS: Record<string, string> = {
  known_to_practitioner: 'Known to the practitioner (request from a known address)', portal_account: 'Signed in to the client portal', photo_id: 'Photo identification seen',
  security_questions: 'Security questions', in_person: 'In person', other: 'Other',
};

interface StepProps {
  r: SarRequest;
  today: string;
  onDone: (r: SarRequest) => void;
}

/** Proportionate proof of identity: how, when, by whom (the signed-in user). */
export function VerifyForm({ r, today, onDone }: StepProps) {
  const [restart, setRestart] = useState(false);
  const { errors, busy, post } = useRequestAction(r, onDone, ['method', 'on']);
  const { values, bind } = useFieldValues({ method: 'known_to_practitioner', on: today }, errors.fields);
  if (r.verification) {
    return (
      <Card title="Identity">
        <p>
          Checked on {longDate(r.verification.on)}: {METHODS[r.verification.method] ?? r.verification.method}.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Identity" description="Ask only for what is proportionate: a request from an address you already use for the client is usually enough.">
      <Form onSubmit={() => void post('verify', { ...values, clockFromVerification: restart }, 'Identity check recorded.')} error={errors.form} busy={busy} submitLabel="Record identity check" busyLabel="Recording…">
        <SelectField label="How identity was confirmed" options={choicesOf(METHODS)} {...bind('method')} />
        <TextField label="Confirmed on" type="date" max={today} {...bind('on')} />
        <CheckboxField name="clockFromVerification" label="Identity was in doubt and proof was asked for: the deadline runs from this date" checked={restart} onChange={setRestart} />
      </Form>
    </Card>
  );
}

/** One extension, with reasons, told to the client within the first period. */
export function ExtendForm({ r, today, onDone }: StepProps) {
  const { errors, busy, post } = useRequestAction(r, onDone, ['reason', 'toldOn']);
  const { values, bind } = useFieldValues({ reason: '', toldOn: today }, errors.fields);
  if (r.extended) {
    return (
      <Card title="Extension">
        <p>
          Extended to {longDate(r.extendedDueOn)}; the client was told on {longDate(r.extensionToldOn ?? '')}. Reasons: {r.extensionReason}
        </p>
      </Card>
    );
  }
  return (
    <Card title="Extension" description={`Only where the request is complex or one of several. The client must be told, with reasons, by ${longDate(r.dueOn)}.`}>
      <Form onSubmit={() => void post('extend', values, 'Extension recorded.')} error={errors.form} busy={busy} submitLabel={`Extend to ${longDate(r.extendedDueOn)}`} busyLabel="Extending…" submitClassName="btn btn-secondary">
        <TextArea label="Reasons given to the client" rows={3} {...bind('reason')} />
        <TextField label="Client told on" type="date" max={today} {...bind('toldOn')} />
      </Form>
    </Card>
  );
}
