import { type FormEvent, useState } from 'react';
import { api } from '../../../api.js';
import { Field } from '../../../components/Field.js';
import { FormError } from '../../../components/FormError.js';
import { useAnnounce } from '../../../components/Status.js';
import { useFormErrors } from '../../../components/useFormErrors.js';

const FIELDS = ['text'] as const;

/** A signed note never changes; what needs adding is appended, dated and attributed. */
export function AddendumForm({ noteId, onDone, onCancel }: { noteId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!text.trim()) return setField('text', 'Write the addendum before adding it.');
    setBusy(true);
    try {
      await api.post(`/api/notes/${encodeURIComponent(noteId)}/addenda`, { text });
      announce('Addendum added.');
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form className="addendum-form" onSubmit={submit} noValidate aria-label="Add addendum">
      <FormError message={errors.form} />
      <Field label="Addendum" hint="Added beneath the signed note with today's date. The note itself is not changed." error={errors.fields.text}>
        {(p) => <textarea {...p} name="text" rows={4} value={text} onChange={(e) => setText(e.target.value)} autoFocus />}
      </Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add addendum'}</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
