import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Note, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { Choices } from './Choices.js';
import { type SarRequest, longDate } from './types.js';
import './rights.css';

const FIELDS = ['noteId', 'kind', 'text', 'reasons'] as const;
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

/** Rectification: choose the disputed note, then append a correction or the client's statement of disagreement. */
export function RectificationCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [noteId, setNoteId] = useState('');
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const open = r.status === 'awaiting_verification' || r.status === 'in_progress';

  const load = useCallback(async () => {
    try {
      const all = await api.get<Note[]>(`/api/clients/${encodeURIComponent(r.clientId)}/notes?limit=200`);
      setNotes(all.filter((n) => n.status === 'signed'));
    } catch (err) {
      setLoadError(messageOf(err));
    }
  }, [r.clientId]);
  useEffect(() => void load(), [load]);

  const chosen = notes?.find((n) => n.id === noteId) ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!noteId) return setField('noteId', 'Choose the note the client disputes.');
    if (!kind) return setField('kind', 'Choose whether to correct the note or record the client’s statement.');
    if (!text.trim()) return setField('text', kind === 'correction' ? 'Write the correction.' : 'Write the client’s statement.');
    setBusy(true);
    try {
      const updated = await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/rectify`, { noteId, kind, text, ...(reasons.trim() ? { reasons } : {}) });
      await load();
      onDone(updated);
      announce(kind === 'correction' ? 'Correction added beneath the note; the request is complete.' : 'The client’s statement was added beneath the note; the request is complete.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return chosen ? (
      <Card title="The disputed note">
        <DisputedNote note={chosen} />
      </Card>
    ) : null;
  }

  return (
    <Card title="Rectification" description="The original note stays as written. A correction, or the client’s statement of disagreement, is added beneath it with today’s date; the audit log keeps the history.">
      <FormError message={loadError ?? errors.form} />
      {notes && notes.length === 0 && <p className="empty">This client has no signed notes.</p>}
      {notes && notes.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Rectification">
          <Field label="Note the client disputes" error={errors.fields.noteId}>
            {(p) => (
              <select {...p} name="noteId" value={noteId} onChange={(e) => { setNoteId(e.target.value); clear(); }}>
                <option value="">Choose a note…</option>
                {notes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {noteLabel(n)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {chosen && <DisputedNote note={chosen} />}
          <Choices
            legend="Your response"
            name="kind"
            value={kind}
            error={errors.fields.kind}
            onChange={(v) => { setKind(v); clear(); }}
            choices={[
              { value: 'correction', label: 'Correct the note', help: 'The note is inaccurate: add the correction as an addendum.' },
              { value: 'disagreement', label: 'Record the client’s statement of disagreement', help: 'The note reflects your view at the time: keep it, and add the client’s own statement beside it.' },
            ]}
          />
          <Field label={kind === 'disagreement' ? 'The client’s statement' : 'Correction'} hint="Added beneath the note, dated and attributed to you." error={errors.fields.text}>
            {(p) => <textarea {...p} name="text" rows={4} value={text} onChange={(e) => { setText(e.target.value); clear(); }} />}
          </Field>
          <Field label="Reasons for the decision" optional hint="Told to the client. If left blank, a standard sentence is recorded." error={errors.fields.reasons}>
            {(p) => <textarea {...p} name="reasons" rows={2} value={reasons} onChange={(e) => { setReasons(e.target.value); clear(); }} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Recording…' : kind === 'disagreement' ? 'Add the client’s statement' : kind === 'correction' ? 'Add the correction' : 'Record the response'}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
