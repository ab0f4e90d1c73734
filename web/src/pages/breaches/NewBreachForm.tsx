import { useState } from 'react';
import { type CaseloadEntry, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { useKeepsRegister } from './keepers.js';
import { CATEGORY_LABELS, KIND_LABELS } from './types.js';

const FIELDS = ['kind', 'summary', 'reportedBy', 'occurredAt', 'discoveredAt', 'categories', 'clientIds', 'scope.kind'] as const;

const KIND_CHOICES = [{ value: '', label: 'Choose…' }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))];
const SCOPE_CHOICES = [
  { value: 'manual', label: 'Only the clients I tick below' },
  { value: 'practitioner', label: 'Everyone on my caseload (e.g. my laptop)' },
  { value: 'open_cases', label: 'Every open case in the practice', keepersOnly: true },
  { value: 'all_cases', label: 'Every client of the practice', keepersOnly: true },
];

/** A datetime-local value (the browser's local time) as a UTC instant. */
const toUtc = (local: string) => (local ? new Date(local).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
const nowLocal = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const CATEGORY_CHOICES = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }));

interface Props {
  /** Called with the new breach; without it the page opens the breach (only its keepers may). */
  onRecorded?: (breach: { id: string; reference: string }) => void;
}

/** Record an incident: what, when, how found, whose data (named clients or a rule such as "this laptop's caseload"). */
export function NewBreachForm({ onRecorded }: Props) {
  const { user } = useSession();
  const keeper = useKeepsRegister();
  const { data: clients } = useLoad(() => api.get<CaseloadEntry[]>('/api/clients').catch(() => []), []);
  const [categories, setCategories] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const { errors, busy, run } = useSubmit(FIELDS);
  const initial = { kind: '', summary: '', reportedBy: user.displayName, occurredAt: '', discoveredAt: nowLocal(), scope: 'manual', containment: '' };
  const { values: f, setValues, bind } = useFieldValues(initial, errors.fields);
  const clientChoices = (clients ?? []).map((c) => ({ value: c.id, label: <>{c.name} <span className="muted">({c.caseCode})</span></> }));
  const submit = async () => {
    await run(async () => {
      const scope = f.scope === 'practitioner' ? { kind: 'practitioner', practitionerId: user.id } : { kind: f.scope };
      const b = await api.post<{ id: string; reference: string }>('/api/breaches', {
        kind: f.kind, summary: f.summary, reportedBy: f.reportedBy, occurredAt: toUtc(f.occurredAt), discoveredAt: toUtc(f.discoveredAt), categories,
        scope, clientIds: chosen, containment: f.containment.trim() ? [{ at: toUtc(f.discoveredAt), text: f.containment.trim() }] : [],
      });
      if (!onRecorded) return navigate(`/breaches/${encodeURIComponent(b.id)}`);
      onRecorded(b);
      setValues({ ...initial, discoveredAt: nowLocal() });
      setCategories([]);
      setChosen([]);
    });
  };
  return (
    <Card title="Record a new breach" description="Record it as soon as you know: the 72-hour clock runs from when you became aware, not from when this form is finished. Descriptions are kept encrypted.">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record breach" busyLabel="Recording…">
        <div className="grid-2">
          <SelectField label="What kind of incident" {...bind('kind')} options={KIND_CHOICES} required />
          <TextField label="Reported by" {...bind('reportedBy')} maxLength={200} required />
          <TextField label="When it happened" hint="Your local time; your best estimate if unsure." {...bind('occurredAt')} type="datetime-local" max={nowLocal()} required />
          <TextField label="When the practice became aware" {...bind('discoveredAt')} type="datetime-local" max={nowLocal()} required />
        </div>
        <TextArea label="What happened" hint="Facts only: what, where, how it was found. No client names here." {...bind('summary')} rows={3} required />
        <ChoiceGroup type="checkbox" className="plain-fieldset check-columns" legend="What information was involved" name="categories" options={CATEGORY_CHOICES} values={categories} onChange={setCategories} error={errors.fields.categories} />
        <SelectField label="Whose records" hint="A rule keeps the count right when a device held a whole caseload." {...bind('scope')} error={errors.fields['scope.kind']} options={SCOPE_CHOICES.filter((c) => keeper || !c.keepersOnly)} />
        {clientChoices.length > 0 && (
          <ChoiceGroup
            type="checkbox"
            className="plain-fieldset check-columns"
            legend={`Clients affected${f.scope !== 'manual' ? ' (in addition to the rule)' : ''}`}
            name="clientIds"
            options={clientChoices}
            values={chosen}
            onChange={setChosen}
            error={errors.fields.clientIds}
          />
        )}
        <TextArea label="First containment step" optional hint="What was done straight away, e.g. remote wipe requested. Add more steps on the breach's page." {...bind('containment')} rows={2} />
      </Form>
    </Card>
  );
}
