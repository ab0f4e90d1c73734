import { type FormEvent, useEffect, useState } from 'react';
import { type CaseloadEntry, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { navigate } from '../../router.js';
import { type Detection, RIGHT_LABELS, type SarRequest } from './types.js';
import { caseloadOnce } from '../../components/useCaseNames.js';

/** Paste what the client wrote; the detected right and the words that show it are offered for a request. */
export function LogMessageForm({ today }: { today: string }) {
  const [clients, setClients] = useState<CaseloadEntry[]>([]);
  const [clientId, setClientId] = useState('');
  const [text, setText] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [detection, setDetection] = useState<Detection | null>(null);
  const [right, setRight] = useState('access');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Former clients keep their rights: closed cases are listed too, marked as closed.
    caseloadOnce().then(setClients, (e) => setError(messageOf(e)));
  }, []);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const d = await api.post<Detection>('/api/sar/detect', { text });
      setDetection(d);
      if (d.right !== 'none') setRight(d.right);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    if (!clientId) return setError('Choose whose request this is.');
    setBusy(true);
    try {
      const r = await api.post<SarRequest>('/api/sar/requests', { clientId, right, receivedOn, message: text });
      navigate(`/subject-access/${encodeURIComponent(r.id)}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Card title="Log a message" description="Paste the email, letter or portal message as the client wrote it. Sanctum looks for the right they are using.">
      <form onSubmit={check}>
        <Field label="From client">
          {(p) => (
            <select {...p} value={clientId} onChange={(e) => setClientId(e.target.value)} required>
              <option value="">Choose a client…</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.caseCode}){c.status === 'closed' ? ', closed' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Received on" hint="The day it arrived, in the practice’s time zone.">
          {(p) => <input {...p} type="date" value={receivedOn} max={today} onChange={(e) => setReceivedOn(e.target.value)} required />}
        </Field>
        <Field label="Message as received">
          {(p) => <textarea {...p} rows={7} value={text} onChange={(e) => { setText(e.target.value); setDetection(null); }} required />}
        </Field>
        <FormError message={error} />
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy || !text.trim()}>
            Check message
          </button>
        </div>
      </form>
      {detection && (
        <div className="callout" aria-live="polite">
          <p>
            <strong>{detection.right === 'none' ? 'No request for a right was found.' : `This reads as a request for ${RIGHT_LABELS[detection.right]?.toLowerCase() ?? detection.right}.`}</strong>{' '}
            {detection.cues.length > 0 && 'The words that show it:'}
          </p>
          {detection.cues.length > 0 && (
            <ul className="cue-list">
              {detection.cues.map((c) => (
                <li key={c}>
                  <q>{c}</q>
                </li>
              ))}
            </ul>
          )}
          <Field label="Right to record">
            {(p) => (
              <select {...p} value={right} onChange={(e) => setRight(e.target.value)}>
                {Object.entries(RIGHT_LABELS).filter(([k]) => k !== 'none').map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={open} disabled={busy}>
              Open {RIGHT_LABELS[right]?.toLowerCase() ?? right} request
            </button>
          </div>
        </div>
      )}
    </Card>
  );
}
