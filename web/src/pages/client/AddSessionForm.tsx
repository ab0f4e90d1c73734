import { useState } from 'react';
import { api } from '../../api.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useSubmit } from '../../components/useSubmit.js';
import { todayCivil } from '../../format.js';
import { ContractWarnings } from '../consent/ContractWarnings.js';

export const MODALITIES: Record<string, string> = { in_person: 'In person', video: 'Video', phone: 'Phone', text: 'Text or chat' };
export const ATTENDANCE: Record<string, string> = {
  planned: 'Planned',
  attended: 'Attended',
  cancelled_by_client: 'Cancelled by client',
  cancelled_by_practitioner: 'Cancelled by practitioner',
  did_not_attend: 'Did not attend',
};
const FIELDS = ['date', 'durationMinutes', 'modality', 'attendance'] as const;
/** What can be said of a session before its day: it is planned, or already cancelled. */
const AHEAD = ['planned', 'cancelled_by_client', 'cancelled_by_practitioner'];
/** Once the day has come there is an outcome to record; "planned" is for dates still to come. */
export const choicesFor = (date: string, today: string) => Object.entries(ATTENDANCE).filter(([v]) => (date > today ? AHEAD.includes(v) : v !== 'planned'));

const MODALITY_CHOICES = Object.entries(MODALITIES).map(([value, label]) => ({ value, label }));

export function AddSessionForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState({ date: todayCivil(), durationMinutes: '50', modality: 'in_person', attendance: 'attended' });
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();
  const set = (k: keyof typeof form) => (value: string) => setForm({ ...form, [k]: value });
  const today = todayCivil();
  const choices = choicesFor(form.date, today).map(([value, label]) => ({ value, label }));
  // Moving the date across today keeps the attendance to one that fits it.
  const setDate = (date: string) => {
    const fits = choicesFor(date, today).some(([v]) => v === form.attendance);
    setForm({ ...form, date, attendance: fits ? form.attendance : date > today ? 'planned' : 'attended' });
  };

  const submit = async () => {
    const minutes = Number(form.durationMinutes);
    if (!form.date) return setField('date', 'Enter the date of the session.');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) return setField('durationMinutes', 'Enter a length between 1 and 600 minutes.');
    await run(async () => {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/sessions`, { ...form, durationMinutes: minutes });
      announce('Session recorded.');
      await onDone();
    });
  };

  return (
    <Form className="inline-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save session" busyLabel="Saving…" onCancel={onCancel} aria-label="Record a session">
      <ContractWarnings clientId={clientId} />
      <div className="grid-4">
        <TextField label="Date" name="date" type="date" value={form.date} onChange={setDate} error={errors.fields.date} />
        <TextField label="Length (minutes)" name="durationMinutes" type="number" min={1} max={600} inputMode="numeric" value={form.durationMinutes} onChange={set('durationMinutes')} error={errors.fields.durationMinutes} />
        <SelectField label="How" name="modality" options={MODALITY_CHOICES} value={form.modality} onChange={set('modality')} error={errors.fields.modality} />
        <SelectField
          label="Attendance"
          hint={form.date > today ? 'A date still to come: mark attendance once the day has come.' : undefined}
          name="attendance"
          options={choices}
          value={form.attendance}
          onChange={set('attendance')}
          error={errors.fields.attendance}
        />
      </div>
    </Form>
  );
}
