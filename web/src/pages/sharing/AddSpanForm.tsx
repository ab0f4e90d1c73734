import { useEffect, useState } from 'react';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { Selection } from './TextPanes.js';
import { SPAN_TYPES, type SpanType, TYPE_LABELS } from './types.js';

const TYPE_CHOICES = SPAN_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

export interface AddRequest {
  part: number;
  start?: number;
  end?: number;
  text?: string;
  type: SpanType;
  replacement?: string;
}

/**
 * Mark something the engine missed: select it in the original (the words appear here), or type
 * the words. Every occurrence in the material is marked.
 */
export function AddSpanForm({ part, label, selection, busy, onAdd }: { part: number; label: string; selection: Selection | null; busy: boolean; onAdd: (r: AddRequest) => Promise<boolean> }) {
  const [words, setWords] = useState('');
  const [picked, setPicked] = useState<Selection | null>(null);
  const [type, setType] = useState<SpanType>('PERSON');
  const [replacement, setReplacement] = useState('');
  // Beside the words, without moving focus: every part of the page has its own "words" field.
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!selection) return;
    setPicked(selection);
    setWords(selection.text.trim());
  }, [selection]);

  const submit = async () => {
    setError(undefined);
    if (!words.trim()) return setError('Select text in the original, or type the words to mark.');
    const fromSelection = picked && picked.text.trim() === words.trim();
    const req: AddRequest = fromSelection ? { part, start: picked.start, end: picked.end, type } : { part, text: words.trim(), type };
    if (replacement.trim()) req.replacement = replacement.trim();
    if (await onAdd(req)) {
      setWords('');
      setPicked(null);
      setReplacement('');
    }
  };

  return (
    <Form className="add-span" onSubmit={submit} busy={busy} submitLabel="Mark as identifier" busyLabel="Mark as identifier" submitClassName="btn btn-secondary" aria-label={`Mark something the engine missed in ${label}`}>
      <h4 className="add-span-title">
        Mark something the engine missed<span className="visually-hidden"> in {label}</span>
      </h4>
      <div className="add-span-row">
        <TextField label="Words to mark" hint="Select them in the original, or type them." name="words" autoComplete="off" value={words} onChange={(v) => { setWords(v); setPicked(null); }} error={error} />
        <SelectField label="Type" name="type" value={type} onChange={(v) => setType(v as SpanType)} options={TYPE_CHOICES} />
        <TextField label="Replace with" optional hint="Leave empty for a label such as [PERSON-3]." name="replacement" autoComplete="off" maxLength={100} value={replacement} onChange={setReplacement} />
      </div>
    </Form>
  );
}
