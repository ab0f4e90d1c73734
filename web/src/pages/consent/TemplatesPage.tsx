import { useMemo, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate } from '../../format.js';
import { Blocks, toBlocks } from './Blocks.js';
import type { ResponseOf } from '../../api/contract.js';
import { SETTINGS } from './types.js';
import './consent.css';

type Summary = ResponseOf<'/api/consent/templates', 'get'>[number];
type Version = ResponseOf<'/api/consent/templates/versions/{id}', 'get'>;

/** The practice's agreement templates: every version kept, published ones never change. */
export function TemplatesPage() {
  const { data: list, error, reload } = useLoad(() => api.get<Summary[]>('/api/consent/templates'), []);
  const [chosen, setChosen] = useState('');
  const [shown, setShown] = useState<Version | null>(null);
  const keys = useMemo(() => [...new Set((list ?? []).map((t) => t.templateKey))], [list]);
  const key = chosen || keys[0] || '';
  const versions = (list ?? []).filter((t) => t.templateKey === key);
  const open = async (id: string) => setShown(await api.get<Version>(`/api/consent/templates/versions/${id}`));
  const templateChoices = keys.map((k) => {
    const [j, s, a] = k.split('/');
    return { value: k, label: `${j} · ${SETTINGS[s] ?? s} · ${a === 'young' ? 'young person' : 'adult'}` };
  });

  return (
    <>
      <PageHeader title="Agreement templates" lead="Confidentiality agreements by jurisdiction, setting and audience. A published version never changes: new wording becomes a new version, and clients who signed an older one are offered the new one." />
      <FormError message={error} />
      {!list && !error && <Loading label="Loading templates…" />}
      {list && (
        <Card title="Versions">
          <SelectField label="Template" name="template" options={templateChoices} value={key} onChange={(k) => { setChosen(k); setShown(null); }} />
          <DataTable
            rows={versions}
            empty={null}
            caption="Versions of this template"
            columns={['Version', 'Title', 'Status', 'SHA-256', <span className="visually-hidden">Actions</span>]}
            rowKey={(v) => v.id}
            cells={(v) => (
              <>
                <td>{v.version}</td>
                <td>{v.title}</td>
                <td>{v.status === 'published' ? `Published ${civilDate(v.publishedAt)}` : 'Draft'}{v.source === 'builtin' ? ' (built in)' : ''}</td>
                <td><code>{v.contentHash.slice(0, 16)}…</code></td>
                <td><button type="button" className="btn btn-quiet" onClick={() => void open(v.id)} aria-label={`Read version ${v.version}`}>Read</button></td>
              </>
            )}
          />
        </Card>
      )}
      {shown && (
        <Card title={`Version ${shown.version}: ${shown.title}`} description={`SHA-256 ${shown.contentHash}`}>
          <div className="agreement agreement-scroll" tabIndex={0} role="region" aria-label={`Text of version ${shown.version}`}><Blocks blocks={toBlocks(shown.body)} base={3} /></div>
          <NewVersionForm templateKey={shown.templateKey} base={shown} onDone={async () => { setShown(null); reload(); }} />
        </Card>
      )}
    </>
  );
}

const VERSION_FIELDS = ['title', 'body'] as const;

function NewVersionForm({ templateKey, base, onDone }: { templateKey: string; base: Version; onDone: () => Promise<void> }) {
  const { errors, busy, run } = useSubmit(VERSION_FIELDS);
  const { values, bind } = useFieldValues({ title: base.title, body: base.body }, errors.fields);
  const announce = useAnnounce();
  const save = (publish: boolean) =>
    run(async () => {
      const v = await api.post<Version>('/api/consent/templates/versions', { templateKey, ...values, publish });
      announce(`Version ${v.version} ${publish ? 'published' : 'saved as a draft'}.`);
      await onDone();
    });
  return (
    <Form
      className="consent-form"
      onSubmit={() => save(false)}
      error={errors.form}
      busy={busy}
      submitLabel="Save draft"
      submitClassName="btn btn-secondary"
      busyLabel="Saving…"
      extraButtons={<button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save(true)}>Publish new version</button>}
      aria-label="Write a new version"
    >
      <h3>Write a new version</h3>
      <p className="hint">Fields filled in for each client: {'{{practiceName}}'}, {'{{supervisorArrangement}}'}, {'{{channels}}'}, {'{{retentionPeriod}}'}. Keep a section headed “The limits of confidentiality”.</p>
      <TextField label="Title" {...bind('title')} />
      <TextArea label="Text" {...bind('body')} rows={16} />
    </Form>
  );
}
