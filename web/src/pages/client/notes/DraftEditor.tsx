import { type Note, api } from '../../../api.js';
import { TextArea } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import { useAnnounce } from '../../../components/Status.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { AutosaveStatus } from './AutosaveStatus.js';
import { LeaveNoteDialog } from './LeaveNoteDialog.js';
import { useDraftAutosave } from './useDraftAutosave.js';

const FIELDS = ['text'] as const;

export function DraftEditor({ note, clientId, onDone }: { note: Note; clientId: string; onDone: () => Promise<void> }) {
  const draft = useDraftAutosave({ clientId, kind: note.kind, noteId: note.id, initialText: note.text });
  const { text, setText } = draft;
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();

  const submit = async () => {
    if (!text.trim()) return setField('text', 'A draft cannot be empty.');
    await run(async () => {
      await api.put(`/api/notes/${encodeURIComponent(note.id)}`, { text });
      draft.markSaved(text);
      announce('Draft updated.');
      await onDone();
    });
  };
  const close = async () => {
    await draft.saveNow();
    await onDone();
  };

  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save changes" busyLabel="Saving…" onCancel={() => void close()} cancelLabel="Close" aria-label="Edit draft">
      <TextArea label="Draft text" name="text" value={text} onChange={setText} error={errors.fields.text} rows={8} autoFocus />
      <AutosaveStatus status={draft.status} savedAt={draft.savedAt} />
      <LeaveNoteDialog open={draft.leave.open} onSaveAndGo={draft.leave.saveAndGo} onStay={draft.leave.stay} />
    </Form>
  );
}
