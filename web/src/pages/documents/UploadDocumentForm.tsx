import { useRef, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useSubmit } from '../../components/useSubmit.js';
import { type DocumentKind, type DocumentMeta, KIND_LABELS, MAX_BYTES, readAsBase64 } from './types.js';

const FIELDS = ['kind', 'title', 'content', 'fileName'] as const;
const KIND_CHOICES = (Object.keys(KIND_LABELS) as DocumentKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }));
const ACCEPT = '.pdf,.docx,.odt,.png,.jpg,.jpeg,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg,text/plain';

/**
 * The browser reads the file and sends it as base64; the server decides what the file really is
 * from its first bytes (not its name), so its refusal is the one shown.
 */
export function UploadDocumentForm({ clientId, onDone, onCancel }: { clientId: string; onDone: (doc: DocumentMeta) => Promise<void>; onCancel: () => void }) {
  const [kind, setKind] = useState<DocumentKind>('letter');
  const [title, setTitle] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const announce = useAnnounce();

  const submit = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setField('content', 'Choose a file to upload.');
    if (file.size > MAX_BYTES) return setField('content', 'Files may be at most 10 MB.');
    await run(async () => {
      const content = await readAsBase64(file);
      const body = { kind, fileName: file.name, content, ...(title.trim() ? { title: title.trim() } : {}) };
      const doc = await api.post<DocumentMeta>(`/api/clients/${encodeURIComponent(clientId)}/documents`, body);
      announce(`${KIND_LABELS[doc.kind]} uploaded and encrypted.`);
      await onDone(doc);
    });
  };

  const fileError = errors.fields.content ?? errors.fields.fileName;
  return (
    <Card title="Upload a document" level={3} className="card-form upload-card" description="PDF, Word (DOCX), OpenDocument text (ODT), PNG, JPEG or plain text, up to 10 MB. The file is encrypted with this client's clinical key.">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Upload" busyLabel="Uploading…" onCancel={onCancel}>
        <div className="grid-2">
          <SelectField label="Kind" name="kind" value={kind} onChange={(v) => setKind(v as DocumentKind)} options={KIND_CHOICES} error={errors.fields.kind} />
          <TextField label="Title" optional hint="Shown in the list; the file name is used if left empty." name="title" autoComplete="off" maxLength={200} value={title} onChange={setTitle} error={errors.fields.title} />
        </div>
        <Field label="File" error={fileError}>
          {(p) => <input {...p} ref={fileRef} name="content" type="file" accept={ACCEPT} className="file-input" />}
        </Field>
      </Form>
    </Card>
  );
}
