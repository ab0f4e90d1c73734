import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { civilDate } from '../../format.js';
import { Blocks, toBlocks } from './Blocks.js';
import type { ResponseOf } from '../../api/contract.js';
import { SETTINGS } from './types.js';
import './consent.css';

type Summary = ResponseOf<'/api/consent/templates', 'get'>[number];
type Version = ResponseOf<'/api/consent/templates/versions/{id}', 'get'>;

/** The practice's agreement templates: every version kept, published ones never change. */
export function TemplatesPage() {
  const [list, setList] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const [shown, setShown] = useState<Version | null>(null);
  const load = async () => {
    try {
      const l = await api.get<Summary[]>('/api/consent/templates');
      setList(l);
      setKey((k) => k || l[0]?.templateKey || '');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  useEffect(() => void load(), []);
  const keys = useMemo(() => [...new Set((list ?? []).map((t) => t.templateKey))], [list]);
  const versions = (list ?? []).filter((t) => t.templateKey === key);
  const open = async (id: string) => setShown(await api.get<Version>(`/api/consent/templates/versions/${id}`));

  return (
    <>
      <PageHeader title="Agreement templates" lead="Confidentiality agreements by jurisdiction, setting and audience. A published version never changes: new wording becomes a new version, and clients who signed an older one are offered the new one." />
      <FormError message={error} />
      {!list && !error && <Loading label="Loading templates…" />}
      {list && (
        <Card title="Versions">
          <Field label="Template">
            {(p) => (
              <select {...p} name="template" value={key} onChange={(e) => { setKey(e.target.value); setShown(null); }}>
                {keys.map((k) => { const [j, s, a] = k.split('/'); return <option key={k} value={k}>{j} · {SETTINGS[s] ?? s} · {a === 'young' ? 'young person' : 'adult'}</option>; })}
              </select>
            )}
          </Field>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Versions of this template</caption>
              <thead><tr><th scope="col">Version</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">SHA-256</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td>{v.version}</td>
                    <td>{v.title}</td>
                    <td>{v.status === 'published' ? `Published ${civilDate(v.publishedAt)}` : 'Draft'}{v.source === 'builtin' ? ' (built in)' : ''}</td>
                    <td><code>{v.contentHash.slice(0, 16)}…</code></td>
                    <td><button type="button" className="btn btn-quiet" onClick={() => void open(v.id)} aria-label={`Read version ${v.version}`}>Read</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {shown && (
        <Card title={`Version ${shown.version}: ${shown.title}`} description={`SHA-256 ${shown.contentHash}`}>
          <div className="agreement agreement-scroll" tabIndex={0} role="region" aria-label={`Text of version ${shown.version}`}><Blocks blocks={toBlocks(shown.body)} base={3} /></div>
          <NewVersionForm templateKey={shown.templateKey} base={shown} onDone={async () => { setShown(null); await load(); }} />
        </Card>
      )}
    </>
  );
}

function NewVersionForm({ templateKey, base, onDone }: { templateKey: string; base: Version; onDone: () => Promise<void> }) {
  const [title, setTitle] = useState(base.title);
  const [body, setBody] = useState(base.body);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const announce = useAnnounce();
  const submit = async (e: FormEvent, publish: boolean) => {
    e.preventDefault();
    try {
      const v = await api.post<Version>('/api/consent/templates/versions', { templateKey, title, body, publish });
      announce(`Version ${v.version} ${publish ? 'published' : 'saved as a draft'}.`);
      await onDone();
    } catch (err) {
      setErrors(err instanceof ApiError && err.field ? { [err.field]: err.message } : { form: messageOf(err) });
    }
  };
  return (
    <form className="consent-form" onSubmit={(e) => void submit(e, false)} noValidate aria-label="Write a new version">
      <h3>Write a new version</h3>
      <p className="hint">Fields filled in for each client: {'{{practiceName}}'}, {'{{supervisorArrangement}}'}, {'{{channels}}'}, {'{{retentionPeriod}}'}. Keep a section headed “The limits of confidentiality”.</p>
      <FormError message={errors.form} />
      <Field label="Title" error={errors.title}>{(p) => <input {...p} name="title" value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label="Text" error={errors.body}>{(p) => <textarea {...p} name="body" rows={16} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
      <div className="button-row">
        <button type="submit" className="btn btn-secondary">Save draft</button>
        <button type="button" className="btn btn-primary" onClick={(e) => void submit(e, true)}>Publish new version</button>
      </div>
    </form>
  );
}
