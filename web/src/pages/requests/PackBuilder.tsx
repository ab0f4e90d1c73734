import { useEffect, useState } from 'react';
import { type Note, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';
import type { ResponseOf } from '../../api/contract.js';
import type { RequestView } from './types.js';

type Preview = ResponseOf<'/api/requests/{id}/pack/preview', 'post'>;

/**
 * Choose exactly what goes: notes one by one (process notes only with a stated reason) and any
 * extract or report written for the purpose. Preview it, then produce the watermarked pack.
 */
export function PackBuilder({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const { data: notes, error: loadError } = useLoad(() => (view.clientId ? api.get<Note[]>(`/api/clients/${encodeURIComponent(view.clientId)}/notes?limit=200`) : Promise.resolve(null)), [view.clientId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [made, setMade] = useState<{ url: string; sha256: string } | null>(null);
  const { errors, busy, run } = useSubmit(['purpose', 'recipient', 'noteIds', 'processReasons']);
  const { values, setValues } = useFieldValues({ title: '', text: '', purpose: '', recipient: [view.requester.name, view.requester.organisation].filter(Boolean).join(', ') }, errors.fields);
  // Any change to what goes makes the preview stale: it must be seen again before the pack is made.
  const bind = (name: keyof typeof values) => ({ name, value: values[name], error: errors.fields[name], onChange: (value: string) => { setValues((v) => ({ ...v, [name]: value })); setPreview(null); } });
  const announce = useAnnounce();
  useEffect(() => () => { if (made) URL.revokeObjectURL(made.url); }, [made]);

  const body = () => ({
    noteIds: chosen,
    processReasons: Object.fromEntries(Object.entries(reasons).filter(([id]) => chosen.includes(id))),
    extracts: values.text.trim() ? [{ title: values.title.trim() || 'Extract', text: values.text }] : [],
    purpose: values.purpose,
    recipient: values.recipient,
  });
  const base = `/api/requests/${encodeURIComponent(view.id)}/pack`;
  const doPreview = () => run(async () => setPreview(await api.post<Preview>(`${base}/preview`, body())));
  const generate = () =>
    run(async () => {
      const r = await api.post<{ pdfBase64: string; sha256: string }>(base, body());
      const bytes = Uint8Array.from(atob(r.pdfBase64), (c) => c.charCodeAt(0));
      setMade({ url: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), sha256: r.sha256 });
      announce('Disclosure pack produced and recorded');
      onChange();
    });
  const toggle = (id: string, on: boolean) => { setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id)); setPreview(null); };

  return (
    <Card title="Disclosure pack" description="Only what you choose goes. Process notes are left out unless you include one and say why.">
      <FormError message={loadError} />
      <Form
        onSubmit={doPreview}
        error={errors.form}
        busy={busy}
        submitLabel="Preview the pack"
        busyLabel="Preview the pack"
        submitClassName="btn btn-secondary"
        extraButtons={<button type="button" className="btn btn-primary" disabled={busy || !preview} onClick={() => void generate()}>Produce the pack</button>}
      >
        <fieldset className="kind-choice">
          <legend>Notes to include</legend>
          {notes?.length === 0 && <p className="empty-inline">This client has no notes.</p>}
          {notes?.map((n) => (
            <div key={n.id} className="pack-choice">
              <CheckboxField
                label={`${n.kind === 'process' ? 'Process note' : 'Session note'}, ${civilDate(n.createdAt)}: ${n.text.slice(0, 80)}${n.text.length > 80 ? '…' : ''}`}
                checked={chosen.includes(n.id)}
                onChange={(on) => toggle(n.id, on)}
              />
              {n.kind === 'process' && chosen.includes(n.id) && (
                <TextField label="Why this process note must be included" name="processReasons" value={reasons[n.id] ?? ''} onChange={(r) => setReasons({ ...reasons, [n.id]: r })} error={errors.fields.processReasons} />
              )}
            </div>
          ))}
        </fieldset>
        <div className="grid-2">
          <TextField label="Extract or report title" optional {...bind('title')} />
          <TextField label="Recipient" hint="Printed on every page." {...bind('recipient')} />
        </div>
        <TextArea label="Extract or report text" hint="Written for this purpose, in place of (or beside) the notes." optional rows={3} {...bind('text')} />
        <TextField label="Purpose" hint="Printed on every page; the recipient may use it for this alone." {...bind('purpose')} />
        {errors.fields.noteIds && <div className="alert alert-error" role="alert">{errors.fields.noteIds}</div>}
      </Form>
      {preview && (
        <section aria-label="Pack preview" data-testid="pack-preview">
          <h3>Preview</h3>
          <p>Every page will carry: <span className="watermark-preview">{preview.watermark}</span></p>
          <p className="muted">Legal basis: {preview.cover.legalBasis}</p>
          {preview.items.map((i, n) => (
            <div key={n} className="pack-item"><strong>{n + 1}. {i.title}</strong>{i.date ? ` (${civilDate(i.date)})` : ''}<pre>{i.text}</pre></div>
          ))}
        </section>
      )}
      {made && (
        <div className="callout" role="status">
          <p>The pack was produced and recorded in the accounting of disclosures.</p>
          <p><a className="btn btn-primary" href={made.url} download="disclosure-pack.pdf">Download the pack (PDF)</a></p>
          <p className="muted">Fingerprint (SHA-256): <code>{made.sha256}</code></p>
          {view.clientId && <p><Link to={`/clients/${encodeURIComponent(view.clientId)}/disclosures`}>See the accounting of disclosures</Link></p>}
        </div>
      )}
    </Card>
  );
}
