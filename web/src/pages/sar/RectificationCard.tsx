import { useState } from 'react';
import { type Note, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SelectField, TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useLoad } from '../../components/useLoad.js';
import { type SarRequest, longDate } from './types.js';
import { isOpen, useRequestForm } from './useRequestAction.js';
import './rights.css';

const KIND_WORDS: Record<string, string> = { progress: 'Progress note', process: 'Process note' };

const noteLabel = (n: Note) => `${longDate(n.createdAt)} · ${KIND_WORDS[n.kind] ?? n.kind} · ${n.text.slice(0, 60)}${n.text.length > 60 ? '…' : ''}`;

/** The note as it stands, with its addenda: the original never changes. */
function DisputedNote({ note }: { note: Note }) {
  return (
    <figure className="disputed-note" aria-label="The disputed note" data-testid="disputed-note">
      <p className="note-meta">
        {KIND_WORDS[note.kind] ?? note.kind}, written {longDate(note.createdAt)}
      </p>
      <p className="prose-text">{note.text}</p>
      {note.addenda.map((a) => (
        <div key={a.id} className="addendum">
          <p className="note-meta">Addendum, {longDate(a.createdAt)}</p>
          <p className="prose-text">{a.text}</p>
        </div>
      ))}
    </figure>
  );
}

const RESPONSES = [
  { value: 'correction', label: 'Correct the note', hint: 'The note is inaccurate: add the correction as an addendum.' },
  { value: 'disagreement', label: 'Record the client’s statement of disagreement', hint: 'The note reflects your view at the time: keep it, and add the client’s own statement beside it.' },
];

/** Rectification: choose the disputed note, then append a correction or the client's statement of disagreement. */
export function RectificationCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const { data: notes, error: loadError, reload } = useLoad(
    () => api.get<Note[]>(`/api/clients/${encodeURIComponent(r.clientId)}/notes?limit=200`).then((all) => all.filter((n) => n.status === 'signed')),
    [r.clientId],
  );
  const [kind, setKind] = useState('');
  const { errors, clear, setField, busy, post, values, bind } = useRequestForm(r, (x) => { reload(); onDone(x); }, { noteId: '', text: '', reasons: '' }, ['kind']);
  const { noteId, text, reasons } = values;

  const chosen = notes?.find((n) => n.id === noteId) ?? null;

  const submit = () => {
    clear();
    if (!noteId) return setField('noteId', 'Choose the note the client disputes.');
    if (!kind) return setField('kind', 'Choose whether to correct the note or record the client’s statement.');
    if (!text.trim()) return setField('text', kind === 'correction' ? 'Write the correction.' : 'Write the client’s statement.');
    void post('rectify', { noteId, kind, text, ...(reasons.trim() ? { reasons } : {}) }, kind === 'correction' ? 'Correction added beneath the note; the request is complete.' : 'The client’s statement was added beneath the note; the request is complete.');
  };

  if (!isOpen(r)) {
    return chosen ? (
      <Card title="The disputed note">
        <DisputedNote note={chosen} />
      </Card>
    ) : null;
  }

  const submitLabel = kind === 'disagreement' ? 'Add the client’s statement' : kind === 'correction' ? 'Add the correction' : 'Record the response';
  return (
    <Card title="Rectification" description="The original note stays as written. A correction, or the client’s statement of disagreement, is added beneath it with today’s date; the audit log keeps the history.">
      <FormError message={loadError} />
      {notes && notes.length === 0 && <p className="empty">This client has no signed notes.</p>}
      {notes && notes.length > 0 && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel={submitLabel} busyLabel="Recording…" aria-label="Rectification">
          <SelectField label="Note the client disputes" options={[{ value: '', label: 'Choose a note…' }, ...notes.map((n) => ({ value: n.id, label: noteLabel(n) }))]} {...bind('noteId')} />
          {chosen && <DisputedNote note={chosen} />}
          <ChoiceGroup type="radio" className="choice-list" legend="Your response" name="kind" values={[kind]} error={errors.fields.kind} onChange={([v]) => { setKind(v ?? ''); clear(); }} options={RESPONSES} />
          <TextArea label={kind === 'disagreement' ? 'The client’s statement' : 'Correction'} hint="Added beneath the note, dated and attributed to you." rows={4} {...bind('text')} />
          <TextArea label="Reasons for the decision" optional hint="Told to the client. If left blank, a standard sentence is recorded." rows={2} {...bind('reasons')} />
        </Form>
      )}
    </Card>
  );
}
