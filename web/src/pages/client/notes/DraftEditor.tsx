import { type FormEvent, useState } from 'react';
import { type Note, api } from '../../../api.js';
import { Field } from '../../../components/Field.js';
import { FormError } from '../../../components/FormError.js';
import { useAnnounce } from '../../../components/Status.js';
import { useFormErrors } from '../../../components/useFormErrors.js';
import { AutosaveStatus } from './AutosaveStatus.js';
import { LeaveNoteDialog } from './LeaveNoteDialog.js';
import { useDraftAutosave } from './useDraftAutosave.js';

const FIELDS = ['text'] as const;

export function DraftEditor({ note, clientId, onDone }: { note: Note; clientId: string; onDone: () => Promise<void> }) {
  const draft = useDraftAutosave({ clientId, kind: note.kind, noteId: note.id, initialText: note.text });
  const { text, setText } = draft;
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!text.trim()) return setField('text', 'A draft cannot be empty.');
    setBusy(true);
    try {
      await api.put(`/api/notes/${encodeURIComponent(note.id)}`, { text });
      draft.markSaved(text);
      announce('Draft updated.');
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };
  const close = async () => {
    await draft.saveNow();
    await onDone();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit draft">
      <FormError message={errors.form} />
      <Field label="Draft text" error={errors.fields.text}>
        {(p) => <textarea {...p} name="text" rows={8} value={text} onChange={(e) => setText(e.target.value)} autoFocus />}
      </Field>
      <AutosaveStatus status={draft.status} savedAt={draft.savedAt} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>
        <button type="button" className="btn btn-quiet" onClick={() => void close()}>Close</button>
      </div>
      <LeaveNoteDialog open={draft.leave.open} onSaveAndGo={draft.leave.saveAndGo} onStay={draft.leave.stay} />
    </form>
  );
}
