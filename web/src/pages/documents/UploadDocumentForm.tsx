import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { type DocumentKind, type DocumentMeta, KIND_LABELS, MAX_BYTES, readAsBase64 } from './types.js';

const FIELDS = ['kind', 'title', 'content', 'fileName'] as const;
const ACCEPT = '.pdf,.docx,.odt,.png,.jpg,.jpeg,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg,text/plain';

/**
 * The browser reads the file and sends it as base64; the server decides what the file really is
 * from its first bytes (not its name), so its refusal is the one shown.
 */
export function UploadDocumentForm({ clientId, onDone, onCancel }: { clientId: string; onDone: (doc: DocumentMeta) => Promise<void>; onCancel: () => void }) {
  const [kind, setKind] = useState<DocumentKind>('letter');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const file = fileRef.current?.files?.[0];
    if (!file) return setField('content', 'Choose a file to upload.');
    if (file.size > MAX_BYTES) return setField('content', 'Files may be at most 10 MB.');
    setBusy(true);
    try {
      const content = await readAsBase64(file);
      const body = { kind, fileName: file.name, content, ...(title.trim() ? { title: title.trim() } : {}) };
      const doc = await api.post<DocumentMeta>(`/api/clients/${encodeURIComponent(clientId)}/documents`, body);
      announce(`${KIND_LABELS[doc.kind]} uploaded and encrypted.`);
      await onDone(doc);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const fileError = errors.fields.content ?? errors.fields.fileName;
  return (
    <Card title="Upload a document" level={3} className="card-form upload-card" description="PDF, Word (DOCX), OpenDocument text (ODT), PNG, JPEG or plain text, up to 10 MB. The file is encrypted with this client's clinical key.">
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <div className="grid-2">
          <Field label="Kind" error={errors.fields.kind}>
            {(p) => (
              <select {...p} name="kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
                {(Object.keys(KIND_LABELS) as DocumentKind[]).map((k) => (
                  <option key={k} value={k}>{KIND_LABELS[k]}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Title" optional hint="Shown in the list; the file name is used if left empty." error={errors.fields.title}>
            {(p) => <input {...p} name="title" autoComplete="off" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
        </div>
        <Field label="File" error={fileError}>
          {(p) => <input {...p} ref={fileRef} name="content" type="file" accept={ACCEPT} className="file-input" />}
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
