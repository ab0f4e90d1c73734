import { type ReactNode, useState } from 'react';
import { Card } from '../../components/Card.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { type SarRequest, choicesOf, longDate } from './types.js';
import { useRequestForm } from './useRequestAction.js';

const METHODS: Record<string, string> = {
  known_to_practitioner: 'Known to the practitioner (request from a known address)', portal_account: 'Signed in to the client portal', photo_id: 'Photo identification seen',
  security_questions: 'Security questions', in_person: 'In person', other: 'Other',
};

export interface StepProps {
  r: SarRequest;
  today: string;
  onDone: (r: SarRequest) => void;
}

/** A step's form state: its fields and the request it posts. */
export const useStepForm = <T extends Record<string, string>>({ r, onDone }: StepProps, initial: T) => useRequestForm(r, onDone, initial);

/** A step on the request: once recorded, what was recorded; until then, its form. */
export function StepCard({ title, description, recorded, children }: { title: string; description: string; recorded: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} description={recorded ? undefined : description}>
      {recorded ? <p>{recorded}</p> : children}
    </Card>
  );
}

/** Proportionate proof of identity: how, when, by whom (the signed-in user). */
export function VerifyForm(props: StepProps) {
  const { r, today } = props;
  const [restart, setRestart] = useState(false);
  const { errors, busy, post, values, bind } = useStepForm(props, { method: 'known_to_practitioner', on: today });
  const done = r.verification && <>Checked on {longDate(r.verification.on)}: {METHODS[r.verification.method] ?? r.verification.method}.</>;
  return (
    <StepCard title="Identity" description="Ask only for what is proportionate: a request from an address you already use for the client is usually enough." recorded={done}>
      <Form onSubmit={() => void post('verify', { ...values, clockFromVerification: restart }, 'Identity check recorded.')} error={errors.form} busy={busy} submitLabel="Record identity check" busyLabel="Recording…">
        <SelectField label="How identity was confirmed" options={choicesOf(METHODS)} {...bind('method')} />
        <TextField label="Confirmed on" type="date" max={today} {...bind('on')} />
        <CheckboxField name="clockFromVerification" label="Identity was in doubt and proof was asked for: the deadline runs from this date" checked={restart} onChange={setRestart} />
      </Form>
    </StepCard>
  );
}

/** One extension, with reasons, told to the client within the first period. */
export function ExtendForm(props: StepProps) {
  const { r, today } = props;
  const { errors, busy, post, values, bind } = useStepForm(props, { reason: '', toldOn: today });
  const done = r.extended && <>Extended to {longDate(r.extendedDueOn)}; the client was told on {longDate(r.extensionToldOn ?? '')}. Reasons: {r.extensionReason}</>;
  return (
    <StepCard title="Extension" description={`Only where the request is complex or one of several. The client must be told, with reasons, by ${longDate(r.dueOn)}.`} recorded={done}>
      <Form onSubmit={() => void post('extend', values, 'Extension recorded.')} error={errors.form} busy={busy} submitLabel={`Extend to ${longDate(r.extendedDueOn)}`} busyLabel="Extending…" submitClassName="btn btn-secondary">
        <TextArea label="Reasons given to the client" rows={3} {...bind('reason')} />
        <TextField label="Client told on" type="date" max={today} {...bind('toldOn')} />
      </Form>
    </StepCard>
  );
}
