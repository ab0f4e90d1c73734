import { api } from '../../api.js';
import type { BodyOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate, todayCivil } from '../../format.js';
import { type DiaryClient, type DiaryEntry, MODALITY_LABELS } from './types.js';

const FIELDS = ['clientId', 'date', 'time', 'duration', 'room', 'modality'] as const;

/** A planned session for a client with an open case: day, time, length, room and how it is held. */
export function BookSessionForm({ clients, onBooked, onContact, onCancel }: { clients: DiaryClient[]; onBooked: (e: DiaryEntry) => void; onContact: (clientId: string) => void; onCancel: () => void }) {
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const { values, bind } = useFieldValues({ clientId: '', date: todayCivil(), time: '', duration: '50', room: '', modality: 'in_person' }, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    if (!values.clientId) return setField('clientId', 'Choose the client the session is for.');
    if (!values.time) return setField('time', 'Give the time the session starts, for example 09:30.');
    const duration = Number(values.duration);
    if (!Number.isInteger(duration) || duration < 1 || duration > 600) return setField('duration', 'Give the length in whole minutes, from 1 to 600.');
    const body: BodyOf<'/api/diary/sessions', 'post'> = {
      clientId: values.clientId, date: values.date, time: values.time, duration, room: values.room.trim() || null, modality: values.modality as DiaryEntry['modality'],
    };
    await run(async () => {
      const booked = await api.post<DiaryEntry>('/api/diary/sessions', body);
      announce(`Session booked for ${booked.clientName} on ${civilDate(booked.date)} at ${booked.startTime}.`);
      onBooked(booked);
    });
  };

  const options = [{ value: '', label: 'Choose a client' }, ...clients.map((c) => ({ value: c.id, label: c.practitionerName ? `${c.name} (with ${c.practitionerName})` : `${c.name} (no practitioner yet)` }))];
  return (
    <Card title="Book a session" description="A planned session for a client with an open case. The practitioner sees it on the client’s record." className="card-form">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Book session" busyLabel="Booking…" onCancel={onCancel} aria-label="Book a session">
        <SelectField label="Client" {...bind('clientId')} options={options} autoFocus />
        {values.clientId && (
          <button type="button" className="btn btn-link btn-small" onClick={() => onContact(values.clientId)}>
            How to reach this client
          </button>
        )}
        <div className="grid-2">
          <TextField label="Day" type="date" {...bind('date')} />
          <TextField label="Start time" hint="24-hour clock, for example 14:30" type="time" {...bind('time')} />
          <TextField label="Length in minutes" type="number" inputMode="numeric" min={1} max={600} {...bind('duration')} />
          <TextField label="Room" optional hint="Leave empty for a session by phone or video" {...bind('room')} />
        </div>
        <SelectField label="How it is held" {...bind('modality')} options={Object.entries(MODALITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form>
    </Card>
  );
}
