import { type FormEvent, useEffect, useState } from 'react';
import { type Note, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { civilDate } from '../../format.js';
import { Link, navigate } from '../../router.js';
import './sharing.css';
import type { Draft } from './types.js';

/** Step 1: choose the notes (or write a summary) to anonymise. */
export function AnonymisePage({ clientId }: { clientId: string }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [summary, setSummary] = useState('');
  const [surrogates, setSurrogates] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const base = `/clients/${encodeURIComponent(clientId)}`;

  useEffect(() => {
    api.get<Note[]>(`/api/clients/${encodeURIComponent(clientId)}/notes?limit=100`).then(setNotes, (e) => setError(messageOf(e)));
  }, [clientId]);

  const toggle = (id: string) => setChosen((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (chosen.size === 0 && !summary.trim()) return setError('Choose at least one note, or write a summary.');
    setBusy(true);
    try {
      const body: Record<string, unknown> = { surrogates };
      if (chosen.size) body.noteIds = [...chosen];
      if (summary.trim()) body.summary = summary;
      const d = await api.post<Draft>(`/api/clients/${encodeURIComponent(clientId)}/sharing/drafts`, body);
      announce(`Anonymised: ${d.pending} changes to review.`);
      navigate(`/sharing/drafts/${encodeURIComponent(d.id)}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Caseload</Link> <span aria-hidden="true">/</span> <Link to={`${base}/shared`}>Client record</Link> <span aria-hidden="true">/</span> <span aria-current="page">Anonymise</span>
      </nav>
      <PageHeader title="Anonymise for supervision" lead="Choose what to anonymise. Names, places, dates, contact details and the client’s recorded identifiers are replaced; you review every change before anything is shared." />
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <Card title="Notes">
          {!notes && !error && <Loading label="Loading notes…" />}
          {notes && notes.length === 0 && <p className="empty-inline">This record has no notes yet. You can write a summary instead.</p>}
          {notes && notes.length > 0 && (
            <fieldset className="note-picker">
              <legend>Notes to include</legend>
              {notes.map((n) => (
                <div className="field-check note-pick" key={n.id}>
                  <input type="checkbox" id={`pick-${n.id}`} name="noteIds" checked={chosen.has(n.id)} onChange={() => toggle(n.id)} />
                  <label htmlFor={`pick-${n.id}`}>
                    <span className="note-pick-head">
                      {n.kind === 'process' ? 'Process note' : 'Progress note'} · {civilDate(n.createdAt)}
                    </span>
                    <span className="note-pick-text">{n.text.length > 160 ? `${n.text.slice(0, 160)}…` : n.text}</span>
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </Card>
        <Card title="Or a case summary" description="Write a summary in your own words; it is anonymised the same way and kept encrypted.">
          <Field label="Summary" optional>
            {(p) => <textarea {...p} name="summary" rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </Field>
          <fieldset className="choice-row">
            <legend>Stand-ins</legend>
            <div className="field-check">
              <input type="radio" id="standin-tags" name="surrogates" checked={!surrogates} onChange={() => setSurrogates(false)} />
              <label htmlFor="standin-tags">Labels, such as [PERSON-1]</label>
            </div>
            <div className="field-check">
              <input type="radio" id="standin-names" name="surrogates" checked={surrogates} onChange={() => setSurrogates(true)} />
              <label htmlFor="standin-names">Realistic stand-ins (invented names, shifted dates)</label>
            </div>
          </fieldset>
        </Card>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Anonymising…' : 'Anonymise'}</button>
          <Link className="btn btn-secondary" to={`${base}/shared`}>Cancel</Link>
        </div>
      </form>
    </div>
  );
}
