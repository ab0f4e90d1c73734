import { type FormEvent, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { instant } from '../../format.js';
import { type ConsentStatus, consentPath } from './types.js';

/** Capacity is judged for a decision at a moment; each judgement is kept with its reasons. */
export function CapacityCard({ clientId, status, reload }: { clientId: string; status: ConsentStatus; reload: () => Promise<void> }) {
  const [has, setHas] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (has === null) return setErrors({ hasCapacity: 'Choose yes or no.' });
    try {
      await api.post(consentPath(clientId, '/capacity'), { hasCapacity: has, reasons });
      setHas(null);
      setReasons('');
      setErrors({});
      await reload();
    } catch (err) {
      setErrors(err instanceof ApiError && err.field ? { [err.field]: err.message } : { form: messageOf(err) });
    }
  };
  return (
    <Card title="Capacity to consent" description="Whether the client could give informed consent at that moment, and why. Consent given without capacity is flagged and not relied on.">
      {status.capacity.length > 0 && (
        <ul>
          {[...status.capacity].reverse().map((c) => <li key={c.id}><strong>{c.hasCapacity ? 'Able to consent' : 'Not able to consent'}</strong> — {instant(c.assessedAt)}: {c.reasons}</li>)}
        </ul>
      )}
      <form className="consent-form" onSubmit={submit} noValidate aria-label="Record capacity">
        <FormError message={errors.form} />
        <fieldset className={`choice${errors.hasCapacity ? ' field-invalid' : ''}`}>
          <legend>Can the client give informed consent now?</legend>
          {errors.hasCapacity && <p className="field-error"><span aria-hidden="true">! </span>{errors.hasCapacity}</p>}
          <div className="choice-options">
            <label><input type="radio" name="cap" checked={has === true} onChange={() => setHas(true)} /> Yes</label>
            <label><input type="radio" name="cap" checked={has === false} onChange={() => setHas(false)} /> No</label>
          </div>
        </fieldset>
        <Field label="Reasons" error={errors.reasons ?? errors['capacity.reasons']}>{(p) => <textarea {...p} name="reasons" rows={2} value={reasons} onChange={(e) => setReasons(e.target.value)} />}</Field>
        <div className="button-row"><button type="submit" className="btn btn-secondary">Record capacity</button></div>
      </form>
    </Card>
  );
}
