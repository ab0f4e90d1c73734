import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { caseloadOnce } from '../../components/useCaseNames.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { navigate } from '../../router.js';
import { type Detection, RIGHT_LABELS, type SarRequest, choicesOf } from './types.js';

const FIELDS = ['clientId', 'receivedOn', 'text', 'right'] as const;
const RIGHTS = choicesOf(RIGHT_LABELS).filter((c) => c.value !== 'none');

/** Paste what the client wrote; the detected right and the words that show it are offered for a request. */
export function LogMessageForm({ today }: { today: string }) {
  // Former clients keep their rights: closed cases are listed too, marked as closed.
  const { data: clients, error: loadError } = useLoad(caseloadOnce, []);
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const { values, bind } = useFieldValues({ clientId: '', receivedOn: today, text: '' }, errors.fields);
  const [detection, setDetection] = useState<Detection | null>(null);
  const [right, setRight] = useState('access');

  const check = () => {
    clear();
    if (!values.text.trim()) return setField('text', 'Paste the message as the client wrote it.');
    void run(async () => {
      const d = await api.post<Detection>('/api/sar/detect', { text: values.text });
      setDetection(d);
      if (d.right !== 'none') setRight(d.right);
    });
  };

  const open = () => {
    clear();
    if (!values.clientId) return setField('clientId', 'Choose whose request this is.');
    void run(async () => {
      const r = await api.post<SarRequest>('/api/sar/requests', { clientId: values.clientId, right, receivedOn: values.receivedOn, message: values.text });
      navigate(`/subject-access/${encodeURIComponent(r.id)}`);
    });
  };

  const text = bind('text');
  const clientChoices = (clients ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.caseCode})${c.status === 'closed' ? ', closed' : ''}` }));
  return (
    <Card title="Log a message" description="Paste the email, letter or portal message as the client wrote it. Sanctum looks for the right they are using.">
      <FormError message={loadError} />
      <Form onSubmit={check} error={errors.form} busy={busy} submitLabel="Check message" busyLabel="Checking…" submitClassName="btn btn-secondary">
        <SelectField label="From client" options={[{ value: '', label: 'Choose a client…' }, ...clientChoices]} {...bind('clientId')} />
        <TextField label="Received on" hint="The day it arrived, in the practice’s time zone." type="date" max={today} {...bind('receivedOn')} />
        <TextArea label="Message as received" rows={7} {...text} onChange={(v) => { text.onChange(v); setDetection(null); }} />
      </Form>
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
          <SelectField label="Right to record" name="right" options={RIGHTS} value={right} onChange={setRight} error={errors.fields.right} />
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void open()} disabled={busy}>
              Open {RIGHT_LABELS[right]?.toLowerCase() ?? right} request
            </button>
          </div>
        </div>
      )}
    </Card>
  );
}
