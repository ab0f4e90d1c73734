import { type FormEvent, useEffect, useState } from 'react';
import { type CaseloadEntry, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { CATEGORY_LABELS, KIND_LABELS } from './types.js';

const FIELDS = ['kind', 'summary', 'reportedBy', 'occurredAt', 'discoveredAt', 'categories', 'clientIds', 'scope.kind'] as const;

const KIND_CHOICES = [{ value: '', label: 'Choose…' }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))];
const SCOPE_CHOICES = [
  { value: 'manual', label: 'Only the clients I tick below' },
  { value: 'practitioner', label: 'Everyone on my caseload (e.g. my laptop)' },
  { value: 'open_cases', label: 'Every open case in the practice' },
  { value: 'all_cases', label: 'Every client of the practice' },
];

/** A datetime-local value (the browser's local time) as a UTC instant. */
const toUtc = (local: string) => (local ? new Date(local).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
const nowLocal = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Record an incident: what, when, how found, whose data (named clients or a rule such as "this laptop's caseload"). */
export function NewBreachForm() {
  const { user } = useSession();
  const [clients, setClients] = useState<CaseloadEntry[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  const { values: f, bind } = useFieldValues({ kind: '', summary: '', reportedBy: user.displayName, occurredAt: '', discoveredAt: nowLocal(), scope: 'manual', containment: '' }, errors.fields);
  useEffect(() => {
    api.get<CaseloadEntry[]>('/api/clients').then(setClients, () => setClients([]));
  }, []);
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const scope = f.scope === 'practitioner' ? { kind: 'practitioner', practitionerId: user.id } : { kind: f.scope };
      const b = await api.post<{ id: string }>('/api/breaches', {
        kind: f.kind, summary: f.summary, reportedBy: f.reportedBy, occurredAt: toUtc(f.occurredAt), discoveredAt: toUtc(f.discoveredAt), categories,
        scope, clientIds: chosen, containment: f.containment.trim() ? [{ at: toUtc(f.discoveredAt), text: f.containment.trim() }] : [],
      });
      navigate(`/breaches/${encodeURIComponent(b.id)}`);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };
  return (
    <Card title="Record a new breach" description="Record it as soon as you know: the 72-hour clock runs from when you became aware, not from when this form is finished. Descriptions are kept encrypted.">
      <form onSubmit={submit}>
        <div className="grid-2">
          <SelectField label="What kind of incident" {...bind('kind')} options={KIND_CHOICES} required />
          <TextField label="Reported by" {...bind('reportedBy')} maxLength={200} required />
          <TextField label="When it happened" hint="Your local time; your best estimate if unsure." {...bind('occurredAt')} type="datetime-local" max={nowLocal()} required />
          <TextField label="When the practice became aware" {...bind('discoveredAt')} type="datetime-local" max={nowLocal()} required />
        </div>
        <TextArea label="What happened" hint="Facts only: what, where, how it was found. No client names here." {...bind('summary')} rows={3} required />
        <fieldset className="plain-fieldset" aria-describedby={errors.fields.categories ? 'categories-error' : undefined}>
          <legend>What information was involved</legend>
          {errors.fields.categories && <p className="field-error" id="categories-error">{errors.fields.categories}</p>}
          <div className="check-grid">
            {Object.entries(CATEGORY_LABELS).map(([v, l]) => (
              <label key={v} className="check"><input type="checkbox" checked={categories.includes(v)} onChange={(e) => setCategories(toggle(categories, v, e.target.checked))} /> {l}</label>
            ))}
          </div>
        </fieldset>
        <SelectField label="Whose records" hint="A rule keeps the count right when a device held a whole caseload." {...bind('scope')} error={errors.fields['scope.kind']} options={SCOPE_CHOICES} />
        {clients.length > 0 && (
          <fieldset className="plain-fieldset">
            <legend>Clients affected{f.scope !== 'manual' ? ' (in addition to the rule)' : ''}</legend>
            <div className="check-grid">
              {clients.map((c) => (
                <label key={c.id} className="check"><input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => setChosen(toggle(chosen, c.id, e.target.checked))} /> {c.name} <span className="muted">({c.caseCode})</span></label>
              ))}
            </div>
          </fieldset>
        )}
        <TextArea label="First containment step" optional hint="What was done straight away, e.g. remote wipe requested. Add more steps on the breach's page." {...bind('containment')} rows={2} />
        <FormError message={errors.form} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Recording…' : 'Record breach'}</button>
        </div>
      </form>
    </Card>
  );
}
