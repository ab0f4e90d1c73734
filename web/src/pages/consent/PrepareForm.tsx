import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { CHANNELS, CHANNEL_LABELS, type Channel, SETTINGS, consentPath } from './types.js';

const FIELDS = ['setting', 'fields.supervisorArrangement', 'fields.retentionPeriod', 'fields.channels'] as const;

/** Choose the setting and the ways of keeping in touch to offer; the newest published wording is used. */
export function PrepareForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel?: () => void }) {
  const [setting, setSetting] = useState('private');
  const [channels, setChannels] = useState<Channel[]>(['email', 'sms', 'phone', 'video']);
  const [supervision, setSupervision] = useState('');
  const [retention, setRetention] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError } = useFormErrors(FIELDS);
  const toggle = (c: Channel) => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      await api.post(consentPath(clientId, '/agreements'), {
        setting,
        fields: { channels, ...(supervision.trim() ? { supervisorArrangement: supervision } : {}), ...(retention.trim() ? { retentionPeriod: retention } : {}) },
      });
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form className="consent-form" onSubmit={submit} noValidate aria-label="Prepare an agreement">
      <FormError message={errors.form} />
      <Field label="Setting" error={errors.fields.setting}>
        {(p) => <select {...p} name="setting" value={setting} onChange={(e) => setSetting(e.target.value)}>{Object.entries(SETTINGS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>}
      </Field>
      <fieldset className="choice">
        <legend>Ways of keeping in touch to offer</legend>
        <div className="checkbox-row">
          {CHANNELS.map((c) => <label key={c}><input type="checkbox" checked={channels.includes(c)} onChange={() => toggle(c)} /> {CHANNEL_LABELS[c]}</label>)}
        </div>
      </fieldset>
      <Field label="Supervision arrangement" optional hint="Leave empty for the standard wording about anonymised supervision." error={errors.fields['fields.supervisorArrangement']}>
        {(p) => <textarea {...p} name="fields.supervisorArrangement" rows={3} value={supervision} onChange={(e) => setSupervision(e.target.value)} />}
      </Field>
      <Field label="How long records are kept" optional hint="Leave empty for the default for your jurisdiction." error={errors.fields['fields.retentionPeriod']}>
        {(p) => <input {...p} name="fields.retentionPeriod" value={retention} onChange={(e) => setRetention(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Preparing…' : 'Prepare agreement'}</button>
        {onCancel && <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
