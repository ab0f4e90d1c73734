import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { type StepProps, StepCard, useStepForm } from './RequestForms.js';
import { choicesOf, longDate } from './types.js';

const CHANNELS: Record<string, string> = { portal: 'Client portal', secure_email: 'Secure email', post: 'Post (recorded delivery)', in_person: 'Handed over in person', encrypted_media: 'Encrypted memory stick' };

/** How and when the export reached the client: this completes the request. */
export function DeliveryForm(props: StepProps) {
  const { r, today } = props;
  const { errors, busy, post, values, bind } = useStepForm(props, { channel: 'secure_email', on: today });
  const done = r.delivery && <>Sent by {CHANNELS[r.delivery.channel]?.toLowerCase() ?? r.delivery.channel} on {longDate(r.delivery.on)}.</>;
  return (
    <StepCard title="Delivery" description="Record how the file went to the client. Send the passphrase by a different route." recorded={done}>
      <Form onSubmit={() => void post('delivery', values, 'Delivery recorded; the request is complete.')} error={errors.form} busy={busy} submitLabel="Record delivery" busyLabel="Recording…" submitClassName="btn btn-secondary">
        <SelectField label="Sent by" options={choicesOf(CHANNELS)} {...bind('channel')} />
        <TextField label="Sent on" type="date" max={today} {...bind('on')} />
      </Form>
    </StepCard>
  );
}
