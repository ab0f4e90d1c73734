import { useState } from 'react';
import { type NoteKind, api } from '../../../api.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { TextArea } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import { useAnnounce } from '../../../components/Status.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { AutosaveStatus } from './AutosaveStatus.js';
import { LeaveNoteDialog } from './LeaveNoteDialog.js';
import { NoteKindChoice } from './NoteKindChoice.js';
import { SIGN_EXPLANATION } from './signing.js';
import { useDraftAutosave } from './useDraftAutosave.js';

const FIELDS = ['text', 'kind'] as const;

interface Props {
  clientId: string;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

export function NoteComposer({ clientId, onDone, onCancel }: Props) {
  const [kind, setKind] = useState<NoteKind>('progress');
  const draft = useDraftAutosave({ clientId, kind, initialText: '' });
  const { text, setText, noteId } = draft;
  const [confirming, setConfirming] = useState(false);
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();

  const save = (sign: boolean) =>
    run(async () => {
      // Marked saved first, so an automatic save cannot start a second note while this one is sent.
      let before: string | null = null;
      try {
        // Once the draft exists (it saved itself), finish that note rather than writing a second one.
        const id = await draft.settledId();
        before = draft.markSaved(text);
        if (id) {
          await api.put(`/api/notes/${encodeURIComponent(id)}`, { text, autosave: true });
          if (sign) await api.post(`/api/notes/${encodeURIComponent(id)}/sign`);
        } else {
          await api.post(`/api/clients/${encodeURIComponent(clientId)}/notes`, { kind, text, sign });
        }
      } catch (err) {
        if (before !== null) draft.markSaved(before);
        setConfirming(false);
        throw err;
      }
      setConfirming(false);
      announce(sign ? 'Note signed and locked.' : 'Draft saved.');
      await onDone();
    });
  const check = (): boolean => {
    if (text.trim()) return true;
    setField('text', 'Write the note before saving it.');
    return false;
  };
  const submit = async () => {
    if (check()) await save(false);
  };
  // Closing keeps whatever was written: it is a draft in the list, not thrown away.
  const close = async () => {
    if (!text.trim() && !noteId) return onCancel();
    await draft.saveNow();
    announce('Your draft is kept with the notes.');
    await onDone();
  };

  return (
    <Form
      className="composer"
      onSubmit={submit}
      error={errors.form}
      busy={busy}
      submitLabel="Save draft"
      submitClassName="btn btn-secondary"
      busyLabel="Saving…"
      extraButtons={
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => check() && setConfirming(true)}>
          Save and sign…
        </button>
      }
      onCancel={() => void close()}
      cancelLabel={text.trim() || noteId ? 'Close (keep draft)' : 'Cancel'}
      aria-label="New note"
    >
      {noteId ? (
        <p className="composer-kind">{kind === 'process' ? 'Process note' : 'Progress note'} (saved as a draft; the kind is fixed from here)</p>
      ) : (
        <NoteKindChoice value={kind} onChange={setKind} />
      )}
      <TextArea label="Note" name="text" value={text} onChange={setText} error={errors.fields.text} rows={8} autoFocus />
      <AutosaveStatus status={draft.status} savedAt={draft.savedAt} />
      <ConfirmDialog open={confirming} title="Sign this note?" confirmLabel="Sign and lock" busy={busy} onConfirm={() => void save(true)} onCancel={() => setConfirming(false)}>
        <p>{SIGN_EXPLANATION}</p>
      </ConfirmDialog>
      <LeaveNoteDialog open={draft.leave.open} onSaveAndGo={draft.leave.saveAndGo} onStay={draft.leave.stay} />
    </Form>
  );
}
