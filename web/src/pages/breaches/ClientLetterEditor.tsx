import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { TextArea } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { useLoad } from '../../components/useLoad.js';
import type { ResponseOf } from '../../api/contract.js';
import type { Breach } from './types.js';

type ClientLetter = ResponseOf<'/api/breaches/{id}/client-letter', 'get'>;

const FIELDS = ['clientSummary', 'text'] as const;

/**
 * The letter to affected clients, written for them: first what happened in plain words (the
 * register's description is for the practice and the regulator), then the whole letter, editable,
 * before any copy is downloaded. Each copy adds the client's name and address.
 */
export function ClientLetterEditor({ breach }: { breach: Breach }) {
  const base = `/api/breaches/${encodeURIComponent(breach.id)}`;
  const [summary, setSummary] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const show = (l: ClientLetter) => {
    setSummary(l.clientSummary ?? '');
    setText(l.text);
    return l;
  };
  const { data: letter, error: loadError, setData: setLetter } = useLoad(() => api.get<ClientLetter>(`${base}/client-letter`).then(show), [base]);

  const save = async (redraft: boolean) => {
    clear();
    setBusy(true);
    try {
      setLetter(show(await api.put<ClientLetter>(`${base}/client-letter`, { clientSummary: summary, text: redraft ? null : text })));
      announce(redraft ? 'Letter drafted from the summary. Read it through and edit it before sending.' : 'Letter saved.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  const open = breach.status === 'open';
  const unsaved = letter !== null && (summary !== (letter.clientSummary ?? '') || text !== letter.text);

  return (
    <section aria-labelledby="client-letter-heading" className="client-letter">
      <h3 id="client-letter-heading">Letter to clients</h3>
      <FormError message={loadError} />
      {letter && (
        <form onSubmit={submit} noValidate aria-label="Letter to clients">
          <FormError message={errors.form} />
          <TextArea label="What happened, in words for clients" hint="Plain words the client can follow. The register's own description is never copied into letters." name="clientSummary" rows={3} value={summary} onChange={setSummary} error={errors.fields.clientSummary} readOnly={!open} />
          {open && (
            <div className="button-row">
              <button type="button" className="btn btn-secondary" disabled={busy || !summary.trim()} onClick={() => void save(true)}>Draft the letter from this</button>
            </div>
          )}
          <TextArea label="Letter text" hint="Each copy starts with the client's name and address and “Dear …”; edit anything below." name="text" rows={16} value={text} onChange={setText} error={errors.fields.text} readOnly={!open} />
          {open && (
            <div className="button-row">
              <button type="submit" className="btn btn-primary" disabled={busy || !summary.trim()}>{busy ? 'Saving…' : 'Save letter'}</button>
            </div>
          )}
        </form>
      )}
      {letter && breach.affected.length > 0 && (
        letter.ready && !unsaved ? (
          <ul className="plain-list" data-testid="letters">
            {breach.affected.map((a) => (
              <li key={a.clientId}>
                <a href={`${base}/letters/${encodeURIComponent(a.clientId)}`} download>Notification letter (PDF)<span className="visually-hidden"> for case</span> · {a.caseCode}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="letters-waiting">{unsaved ? 'Save the letter to download the copies for each client.' : 'Write what happened in words for clients, draft the letter and save it; then a copy for each client can be downloaded.'}</p>
        )
      )}
    </section>
  );
}
