import { useEffect, useState } from 'react';
import { type Note, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
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
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [extract, setExtract] = useState({ title: '', text: '' });
  const [purpose, setPurpose] = useState('');
  const [recipient, setRecipient] = useState([view.requester.name, view.requester.organisation].filter(Boolean).join(', '));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [made, setMade] = useState<{ url: string; sha256: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(['purpose', 'recipient', 'noteIds', 'processReasons']);
  const announce = useAnnounce();
  useEffect(() => {
    if (view.clientId) api.get<Note[]>(`/api/clients/${encodeURIComponent(view.clientId)}/notes?limit=200`).then(setNotes, fromError);
  }, [view.clientId, fromError]);
  useEffect(() => () => { if (made) URL.revokeObjectURL(made.url); }, [made]);

  const body = () => ({
    noteIds: chosen,
    processReasons: Object.fromEntries(Object.entries(reasons).filter(([id]) => chosen.includes(id))),
    extracts: extract.text.trim() ? [{ title: extract.title.trim() || 'Extract', text: extract.text }] : [],
    purpose,
    recipient,
  });
  const base = `/api/requests/${encodeURIComponent(view.id)}/pack`;
  const doPreview = async () => {
    clear();
    setBusy(true);
    try {
      setPreview(await api.post<Preview>(`${base}/preview`, body()));
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  const generate = async () => {
    clear();
    setBusy(true);
    try {
      const r = await api.post<{ pdfBase64: string; sha256: string }>(base, body());
      const bytes = Uint8Array.from(atob(r.pdfBase64), (c) => c.charCodeAt(0));
      setMade({ url: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), sha256: r.sha256 });
      announce('Disclosure pack produced and recorded');
      onChange();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) => { setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id)); setPreview(null); };

  return (
    <Card title="Disclosure pack" description="Only what you choose goes. Process notes are left out unless you include one and say why.">
      <fieldset className="kind-choice">
        <legend>Notes to include</legend>
        {notes?.length === 0 && <p className="empty-inline">This client has no notes.</p>}
        {notes?.map((n) => (
          <div key={n.id} className="pack-choice">
            <label className="field-check">
              <input type="checkbox" checked={chosen.includes(n.id)} onChange={(e) => toggle(n.id, e.target.checked)} />
              {n.kind === 'process' ? 'Process note' : 'Session note'}, {civilDate(n.createdAt)}: {n.text.slice(0, 80)}{n.text.length > 80 ? '…' : ''}
            </label>
            {n.kind === 'process' && chosen.includes(n.id) && (
              <Field label="Why this process note must be included" error={errors.fields.processReasons}>
                {(p) => <input {...p} name="processReasons" value={reasons[n.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [n.id]: e.target.value })} required />}
              </Field>
            )}
          </div>
        ))}
      </fieldset>
      <div className="grid-2">
        <Field label="Extract or report title" optional>{(p) => <input {...p} value={extract.title} onChange={(e) => { setExtract({ ...extract, title: e.target.value }); setPreview(null); }} />}</Field>
        <Field label="Recipient" hint="Printed on every page." error={errors.fields.recipient}>{(p) => <input {...p} name="recipient" value={recipient} onChange={(e) => { setRecipient(e.target.value); setPreview(null); }} required />}</Field>
      </div>
      <Field label="Extract or report text" hint="Written for this purpose, in place of (or beside) the notes." optional>
        {(p) => <textarea {...p} rows={3} value={extract.text} onChange={(e) => { setExtract({ ...extract, text: e.target.value }); setPreview(null); }} />}
      </Field>
      <Field label="Purpose" hint="Printed on every page; the recipient may use it for this alone." error={errors.fields.purpose}>
        {(p) => <input {...p} name="purpose" value={purpose} onChange={(e) => { setPurpose(e.target.value); setPreview(null); }} required />}
      </Field>
      {errors.fields.noteIds && <div className="alert alert-error" role="alert">{errors.fields.noteIds}</div>}
      <FormError message={errors.form} />
      <div className="button-row">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={doPreview}>Preview the pack</button>
        <button type="button" className="btn btn-primary" disabled={busy || !preview} onClick={generate}>Produce the pack</button>
      </div>
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
