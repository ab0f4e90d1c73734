import { useState } from 'react';
import { api } from '../../../api.js';
import { TextArea } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import { useAnnounce } from '../../../components/Status.js';
import { useSubmit } from '../../../components/useSubmit.js';

const FIELDS = ['text'] as const;

/** A signed note never changes; what needs adding is appended, dated and attributed. */
export function AddendumForm({ noteId, onDone, onCancel }: { noteId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState('');
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();

  const submit = async () => {
    if (!text.trim()) return setField('text', 'Write the addendum before adding it.');
    await run(async () => {
      await api.post(`/api/notes/${encodeURIComponent(noteId)}/addenda`, { text });
      announce('Addendum added.');
      await onDone();
    });
  };

  return (
    <Form className="addendum-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Add addendum" busyLabel="Adding…" onCancel={onCancel} aria-label="Add addendum">
      <TextArea label="Addendum" hint="Added beneath the signed note with today's date. The note itself is not changed." name="text" value={text} onChange={setText} error={errors.fields.text} rows={4} autoFocus />
    </Form>
  );
}
