import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { type SarRequest, longDate } from './types.js';

const CHANNELS: Record<string, string> = { portal: 'Client portal', secure_email: 'Secure email', post: 'Post (recorded delivery)', in_person: 'Handed over in person', encrypted_media: 'Encrypted memory stick' };

/** How and when the export reached the client: this completes the request. */
export function DeliveryForm({ r, today, onDone }: { r: SarRequest; today: string; onDone: (r: SarRequest) => void }) {
  const [channel, setChannel] = useState('secure_email');
  const [on, setOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  if (r.delivery) {
    return (
      <Card title="Delivery">
        <p>
          Sent by {CHANNELS[r.delivery.channel]?.toLowerCase() ?? r.delivery.channel} on {longDate(r.delivery.on)}.
        </p>
      </Card>
    );
  }
  const submit = async () => {
    try {
      onDone(await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/delivery`, { channel, on }));
      announce('Delivery recorded; the request is complete.');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Card title="Delivery" description="Record how the file went to the client. Send the passphrase by a different route.">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Sent by">
          {(p) => (
            <select {...p} value={channel} onChange={(e) => setChannel(e.target.value)}>
              {Object.entries(CHANNELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Sent on">{(p) => <input {...p} type="date" value={on} max={today} onChange={(e) => setOn(e.target.value)} required />}</Field>
        <FormError message={error} />
        <div className="button-row">
          <button type="submit" className="btn btn-secondary">
            Record delivery
          </button>
        </div>
      </form>
    </Card>
  );
}
