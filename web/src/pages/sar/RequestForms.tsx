import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { type SarRequest, longDate } from './types.js';

const METHODS: Record<string, string> = {
  known_to_practitioner: 'Known to the practitioner (request from a known address)', portal_account: 'Signed in to the client portal', photo_id: 'Photo identification seen',
  security_questions: 'Security questions', in_person: 'In person', other: 'Other',
};

function useSubmit(path: string, onDone: (r: SarRequest) => void, message: string) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const submit = async (body: unknown) => {
    setBusy(true);
    try {
      onDone(await api.post<SarRequest>(path, body));
      setError(null);
      announce(message);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

/** Proportionate proof of identity: how, when, by whom (the signed-in user). */
export function VerifyForm({ r, today, onDone }: { r: SarRequest; today: string; onDone: (r: SarRequest) => void }) {
  const [method, setMethod] = useState('known_to_practitioner');
  const [on, setOn] = useState(today);
  const [restart, setRestart] = useState(false);
  const { error, busy, submit } = useSubmit(`/api/sar/requests/${encodeURIComponent(r.id)}/verify`, onDone, 'Identity check recorded.');
  if (r.verification) {
    return (
      <Card title="Identity">
        <p>
          Checked on {longDate(r.verification.on)}: {METHODS[r.verification.method] ?? r.verification.method}.
        </p>
      </Card>
    );
  }
  const go = (e: FormEvent) => {
    e.preventDefault();
    void submit({ method, on, clockFromVerification: restart });
  };
  return (
    <Card title="Identity" description="Ask only for what is proportionate: a request from an address you already use for the client is usually enough.">
      <form onSubmit={go}>
        <Field label="How identity was confirmed">
          {(p) => (
            <select {...p} value={method} onChange={(e) => setMethod(e.target.value)}>
              {Object.entries(METHODS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Confirmed on">{(p) => <input {...p} type="date" value={on} max={today} onChange={(e) => setOn(e.target.value)} required />}</Field>
        <div className="field-check">
          <input id="restart-clock" type="checkbox" checked={restart} onChange={(e) => setRestart(e.target.checked)} />
          <label htmlFor="restart-clock">Identity was in doubt and proof was asked for: the deadline runs from this date</label>
        </div>
        <FormError message={error} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Record identity check
          </button>
        </div>
      </form>
    </Card>
  );
}

/** One extension, with reasons, told to the client within the first period. */
export function ExtendForm({ r, today, onDone }: { r: SarRequest; today: string; onDone: (r: SarRequest) => void }) {
  const [reason, setReason] = useState('');
  const [toldOn, setToldOn] = useState(today);
  const { error, busy, submit } = useSubmit(`/api/sar/requests/${encodeURIComponent(r.id)}/extend`, onDone, 'Extension recorded.');
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
      <form onSubmit={(e) => { e.preventDefault(); void submit({ reason, toldOn }); }}>
        <Field label="Reasons given to the client">{(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />}</Field>
        <Field label="Client told on">{(p) => <input {...p} type="date" value={toldOn} max={today} onChange={(e) => setToldOn(e.target.value)} required />}</Field>
        <FormError message={error} />
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            Extend to {longDate(r.extendedDueOn)}
          </button>
        </div>
      </form>
    </Card>
  );
}
