import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
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

export function AddSessionForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState({ date: todayCivil(), durationMinutes: '50', modality: 'in_person', attendance: 'attended' });
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const today = todayCivil();
  const choices = choicesFor(form.date, today);
  // Moving the date across today keeps the attendance to one that fits it.
  const setDate = (e: { target: { value: string } }) => {
    const date = e.target.value;
    const fits = choicesFor(date, today).some(([v]) => v === form.attendance);
    setForm({ ...form, date, attendance: fits ? form.attendance : date > today ? 'planned' : 'attended' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const minutes = Number(form.durationMinutes);
    if (!form.date) return setField('date', 'Enter the date of the session.');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) return setField('durationMinutes', 'Enter a length between 1 and 600 minutes.');
    setBusy(true);
    try {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/sessions`, { ...form, durationMinutes: minutes });
      announce('Session recorded.');
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Record a session">
      <ContractWarnings clientId={clientId} />
      <FormError message={errors.form} />
      <div className="grid-4">
        <Field label="Date" error={errors.fields.date}>
          {(p) => <input {...p} name="date" type="date" value={form.date} onChange={setDate} />}
        </Field>
        <Field label="Length (minutes)" error={errors.fields.durationMinutes}>
          {(p) => <input {...p} name="durationMinutes" type="number" min={1} max={600} inputMode="numeric" value={form.durationMinutes} onChange={set('durationMinutes')} />}
        </Field>
        <Field label="How" error={errors.fields.modality}>
          {(p) => (
            <select {...p} name="modality" value={form.modality} onChange={set('modality')}>
              {Object.entries(MODALITIES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          )}
        </Field>
        <Field label="Attendance" hint={form.date > today ? 'A date still to come: mark attendance once the day has come.' : undefined} error={errors.fields.attendance}>
          {(p) => (
            <select {...p} name="attendance" value={form.attendance} onChange={set('attendance')}>
              {choices.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save session'}</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
