import { type FormEvent, useState } from 'react';
import { type Note, api } from '../../../api.js';
import { Field } from '../../../components/Field.js';
import { FormError } from '../../../components/FormError.js';
import { useAnnounce } from '../../../components/Status.js';
import { useFormErrors } from '../../../components/useFormErrors.js';

const FIELDS = ['text'] as const;

export function DraftEditor({ note, onDone, onCancel }: { note: Note; onDone: () => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState(note.text);
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
      announce('Draft updated.');
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit draft">
      <FormError message={errors.form} />
      <Field label="Draft text" error={errors.fields.text}>
        {(p) => <textarea {...p} name="text" rows={8} value={text} onChange={(e) => setText(e.target.value)} autoFocus />}
      </Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
