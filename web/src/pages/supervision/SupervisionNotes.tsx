import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import type { Supervisee, SupervisionNote } from './types.js';

/** The supervisor's own notes about one supervisee: only they read them, and no client's record holds them. */
export function SupervisionNotes({ supervisees }: { supervisees: Supervisee[] }) {
  const [who, setWho] = useState(supervisees[0].id);
  const [text, setText] = useState('');
  const notes = useLoad(() => api.get<SupervisionNote[]>(`/api/supervision/supervisees/${encodeURIComponent(who)}/notes`), [who]);
  const { errors, setField, busy, run } = useSubmit(['text']);
  const announce = useAnnounce();
  const name = supervisees.find((s) => s.id === who)?.name ?? '';

  const submit = async () => {
    if (!text.trim()) return setField('text', 'Write the note before saving it.');
    await run(async () => {
      const added = await api.post<SupervisionNote>(`/api/supervision/supervisees/${encodeURIComponent(who)}/notes`, { text });
      notes.setData([added, ...(notes.data ?? [])]);
      setText('');
      announce('Supervision note saved');
    });
  };

  return (
    <Card title="Your supervision notes" description="Your own notes of supervision. Only you can read them; they are not part of any client’s record.">
      {supervisees.length > 1 && <SelectField label="Supervisee" name="supervisee" value={who} onChange={setWho} options={supervisees.map((s) => ({ value: s.id, label: s.name }))} />}
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save note" busyLabel="Saving…" aria-label="New supervision note">
        <TextArea label={`New note about supervising ${name}`} name="text" rows={4} maxLength={20000} value={text} onChange={setText} error={errors.fields.text} />
      </Form>
      <h3 className="notes-heading">Earlier notes about {name}</h3>
      <FormError message={notes.error} />
      {!notes.data && !notes.error && <Loading label="Loading your notes…" />}
      {notes.data && notes.data.length === 0 && <p className="empty">No notes yet.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="supervision-notes" data-testid="supervision-notes">
          {notes.data.map((n) => (
            <li key={n.id}>
              <p className="muted">{instant(n.createdAt)}</p>
              <div className="supervision-text">{n.text}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
