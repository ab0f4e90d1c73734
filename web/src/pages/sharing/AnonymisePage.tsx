import { useState } from 'react';
import { type Note, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate } from '../../format.js';
import { Link, navigate } from '../../router.js';
import './sharing.css';
import type { Draft } from './types.js';

const FIELDS = ['noteIds', 'summary', 'surrogates'] as const;
const STAND_INS = [
  { value: 'tags', label: 'Labels, such as [PERSON-1]' },
  { value: 'names', label: 'Realistic stand-ins (invented names, shifted dates)' },
];
const noteChoice = (n: Note) => ({
  value: n.id,
  label: (
    <>
      <span className="note-pick-head">
        {n.kind === 'process' ? 'Process note' : 'Progress note'} · {civilDate(n.createdAt)}
      </span>
      <span className="note-pick-text">{n.text.length > 160 ? `${n.text.slice(0, 160)}…` : n.text}</span>
    </>
  ),
});

/** Step 1: choose the notes (or write a summary) to anonymise. */
export function AnonymisePage({ clientId }: { clientId: string }) {
  const { data: notes, error: loadError } = useLoad(() => api.get<Note[]>(`/api/clients/${encodeURIComponent(clientId)}/notes?limit=100`), [clientId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [standIns, setStandIns] = useState('tags');
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const announce = useAnnounce();
  const base = `/clients/${encodeURIComponent(clientId)}`;

  const submit = async () => {
    clear();
    if (chosen.length === 0 && !summary.trim()) return setField(notes?.length ? 'noteIds' : 'summary', 'Choose at least one note, or write a summary.');
    const body: Record<string, unknown> = { surrogates: standIns === 'names' };
    if (chosen.length) body.noteIds = chosen;
    if (summary.trim()) body.summary = summary;
    await run(async () => {
      const d = await api.post<Draft>(`/api/clients/${encodeURIComponent(clientId)}/sharing/drafts`, body);
      announce(`Anonymised: ${d.pending} changes to review.`);
      navigate(`/sharing/drafts/${encodeURIComponent(d.id)}`);
    });
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Caseload</Link> <span aria-hidden="true">/</span> <Link to={`${base}/shared`}>Client record</Link> <span aria-hidden="true">/</span> <span aria-current="page">Anonymise</span>
      </nav>
      <PageHeader title="Anonymise for supervision" lead="Choose what to anonymise. Names, places, dates, contact details and the client’s recorded identifiers are replaced; you review every change before anything is shared." />
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Anonymise" busyLabel="Anonymising…" extraButtons={<Link className="btn btn-secondary" to={`${base}/shared`}>Cancel</Link>}>
        <Card title="Notes">
          <FormError message={loadError} />
          {!notes && !loadError && <Loading label="Loading notes…" />}
          {notes && notes.length === 0 && <p className="empty-inline">This record has no notes yet. You can write a summary instead.</p>}
          {notes && notes.length > 0 && (
            <ChoiceGroup type="checkbox" className="note-picker" legend="Notes to include" name="noteIds" options={notes.map(noteChoice)} values={chosen} onChange={setChosen} error={errors.fields.noteIds} />
          )}
        </Card>
        <Card title="Or a case summary" description="Write a summary in your own words; it is anonymised the same way and kept encrypted.">
          <TextArea label="Summary" optional name="summary" rows={5} value={summary} onChange={setSummary} error={errors.fields.summary} />
          <ChoiceGroup type="radio" className="choice-row" legend="Stand-ins" name="surrogates" options={STAND_INS} values={[standIns]} onChange={([v]) => setStandIns(v)} error={errors.fields.surrogates} />
        </Card>
      </Form>
    </div>
  );
}
