import { type FormEvent, useEffect, useId, useState } from 'react';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import type { Selection } from './TextPanes.js';
import { SPAN_TYPES, type SpanType, TYPE_LABELS } from './types.js';

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
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (!selection) return;
    setPicked(selection);
    setWords(selection.text.trim());
  }, [selection]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
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
    <form className="add-span" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h4 id={headingId} className="add-span-title">
        Mark something the engine missed<span className="visually-hidden"> in {label}</span>
      </h4>
      <FormError message={error} />
      <div className="add-span-row">
        <Field label="Words to mark" hint="Select them in the original, or type them.">
          {(p) => <input {...p} name="words" autoComplete="off" value={words} onChange={(e) => { setWords(e.target.value); setPicked(null); }} />}
        </Field>
        <Field label="Type">
          {(p) => (
            <select {...p} name="type" value={type} onChange={(e) => setType(e.target.value as SpanType)}>
              {SPAN_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Replace with" optional hint="Leave empty for a label such as [PERSON-3].">
          {(p) => <input {...p} name="replacement" autoComplete="off" maxLength={100} value={replacement} onChange={(e) => setReplacement(e.target.value)} />}
        </Field>
      </div>
      <button type="submit" className="btn btn-secondary" disabled={busy}>Mark as identifier</button>
    </form>
  );
}
