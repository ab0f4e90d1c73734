import { api } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { PolicyCard } from './PolicyCard.js';
import { QueueCard } from './QueueCard.js';
import { type Certificate, HOLD_LABELS, type Hold, ruleWords } from './types.js';
import '../breaches/breaches.css';
import { civilDate, instant } from '../../format.js';

interface Data {
  policy: ResponseOf<'/api/retention/policy', 'get'>;
  schedule: ResponseOf<'/api/retention/schedule', 'get'>;
  holds: Hold[];
  certificates: Certificate[];
  /** Every case held, open or closed: a hold can go on either. */
  cases: ResponseOf<'/api/retention/cases', 'get'>;
}

async function loadAll(): Promise<Data> {
  const [policy, schedule, holds, certificates, cases] = await Promise.all([
    api.get<Data['policy']>('/api/retention/policy'), api.get<Data['schedule']>('/api/retention/schedule'),
    api.get<Data['holds']>('/api/retention/holds'), api.get<Certificate[]>('/api/retention/certificates'),
    api.get<Data['cases']>('/api/retention/cases'),
  ]);
  return { policy, schedule, holds, certificates, cases };
}

export function RetentionPage() {
  const { data, error, reload: load } = useLoad(loadAll, []);
  const queue = data?.schedule.cases.filter((c) => c.due || c.processNotesDue) ?? [];
  return (
    <div className="page">
      <PageHeader title="Retention and disposal" lead="How long records are kept, when each closed case is due for disposal, and the certificates of what was destroyed." />
      <FormError message={error} />
      {!data && !error && <Loading label="Loading retention…" />}
      {data && (
        <>
          <QueueCard queue={queue} onDone={load} />
          <PolicyCard policy={data.policy.policy} defaults={data.policy.defaults} onSaved={load} />
          <Card title="Disposal dates" description="Every closed case, with the date its record may be destroyed. The last contact is the last session, or the date the case closed.">
            <DataTable
              rows={data.schedule.cases}
              empty="No closed cases."
              className="table table-compact"
              testId="disposal-dates"
              columns={['Case', 'Last contact', 'Keep until', 'Rule', 'Process notes until']}
              rowKey={(c) => c.caseCode}
              cells={(c) => (
                <>
                  <td>{c.caseCode}</td><td className="nowrap">{civilDate(c.lastContact)}</td><td className="nowrap">{civilDate(c.retainUntil)}{c.due ? ' (due)' : ''}</td><td>{ruleWords(c)}</td><td className="nowrap">{c.processNotesUntil ? civilDate(c.processNotesUntil) : '—'}</td>
                </>
              )}
            />
          </Card>
          <HoldsCard holds={data.holds} cases={data.cases} onChange={load} />
          <Card title="Certificates of destruction" description="Each names the case code, what was destroyed and when, the policy applied and who approved it — nothing that identifies the client.">
            {data.certificates.length === 0 ? <p className="empty">None yet.</p> : (
              <ul className="plain-list" data-testid="certificates">
                {data.certificates.map((c) => (
                  <li key={c.id}>
                    {c.number} · {c.caseCode} · {c.scope === 'whole_record' ? 'whole record' : 'process notes'} · {instant(c.destroyedAt)} · approved by {c.approverName}{' '}
                    <a href={`/api/retention/certificates/${encodeURIComponent(c.id)}/pdf`} download>Download certificate {c.number} (PDF)</a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

const HOLD_FIELDS = ['caseCode', 'kind', 'reason'] as const;

const HOLD_KINDS = Object.entries(HOLD_LABELS).map(([value, label]) => ({ value, label }));

function HoldsCard({ holds, cases, onChange }: { holds: (Hold & { caseCode: string })[]; cases: Data['cases']; onChange: () => void }) {
  const { errors, busy, run } = useSubmit(HOLD_FIELDS);
  const { values: f, setValues, bind } = useFieldValues({ caseCode: '', kind: 'litigation', reason: '' }, errors.fields);
  const caseChoices = [{ value: '', label: 'Choose…' }, ...cases.map((c) => ({ value: c.caseCode, label: `${c.caseCode}${c.status === 'closed' ? ' (closed)' : ''}` }))];
  const submit = async () => {
    await run(async () => {
      await api.post('/api/retention/holds', f);
      setValues({ ...f, reason: '' });
      onChange();
    });
  };
  const release = (id: string) =>
    run(async () => {
      await api.post(`/api/retention/holds/${encodeURIComponent(id)}/release`);
      onChange();
    });
  return (
    <Card title="Legal holds" description="Open breaches, subject access and other rights requests, and undecided requests for information hold a case automatically. Place a hold yourself for litigation or anything else.">
      {holds.length === 0 ? <p className="empty">No holds.</p> : (
        <ul className="plain-list" data-testid="holds">
          {holds.map((h) => (
            <li key={`${h.caseCode}-${h.ref}`}>
              <strong>{h.caseCode}</strong> · {HOLD_LABELS[h.kind] ?? h.kind}: {h.reason}{' '}
              {h.source === 'manual' && <button type="button" className="btn btn-link" onClick={() => void release(h.ref)}>Release<span className="visually-hidden"> the hold on {h.caseCode}</span></button>}
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Place hold" busyLabel="Placing…" submitClassName="btn btn-secondary">
        <div className="grid-2">
          <SelectField label="Case" {...bind('caseCode')} options={caseChoices} required />
          <SelectField label="Kind of hold" {...bind('kind')} options={HOLD_KINDS} />
        </div>
        <TextField label="Reason" hint="Kept encrypted." {...bind('reason')} required maxLength={2000} />
      </Form>
    </Card>
  );
}
