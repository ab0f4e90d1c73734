import { Card } from '../../components/Card.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { type SarRequest, choicesOf, longDate } from './types.js';
import { useRequestAction } from './useRequestAction.js';

const CHANNELS: Record<string, string> = { portal: 'Client portal', secure_email: 'Secure email', post: 'Post (recorded delivery)', in_person: 'Handed over in person', encrypted_media: 'Encrypted memory stick' };

/** How and when the export reached the client: this completes the request. */
export function DeliveryForm({ r, today, onDone }: { r: SarRequest; today: string; onDone: (r: SarRequest) => void }) {
  const { errors, busy, post } = useRequestAction(r, onDone, ['channel', 'on']);
  const { values, bind } = useFieldValues({ channel: 'secure_email', on: today }, errors.fields);
  if (r.delivery) {
    return (
      <Card title="Delivery">
        <p>
          Sent by {CHANNELS[r.delivery.channel]?.toLowerCase() ?? r.delivery.channel} on {longDate(r.delivery.on)}.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Delivery" description="Record how the file went to the client. Send the passphrase by a different route.">
      <Form onSubmit={() => void post('delivery', values, 'Delivery recorded; the request is complete.')} error={errors.form} busy={busy} submitLabel="Record delivery" busyLabel="Recording…" submitClassName="btn btn-secondary">
        <SelectField label="Sent by" options={choicesOf(CHANNELS)} {...bind('channel')} />
        <TextField label="Sent on" type="date" max={today} {...bind('on')} />
      </Form>
    </Card>
  );
}
