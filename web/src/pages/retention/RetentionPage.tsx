import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { PolicyCard } from './PolicyCard.js';
import { QueueCard } from './QueueCard.js';
import { type Certificate, HOLD_LABELS, type Hold, ruleWords } from './types.js';
import '../breaches/breaches.css';

interface Data {
  policy: ResponseOf<'/api/retention/policy', 'get'>;
  schedule: ResponseOf<'/api/retention/schedule', 'get'>;
  holds: Hold[];
  certificates: Certificate[];
  /** Every case held, open or closed: a hold can go on either. */
  cases: ResponseOf<'/api/retention/cases', 'get'>;
}

export function RetentionPage() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [policy, schedule, holds, certificates, cases] = await Promise.all([
        api.get<Data['policy']>('/api/retention/policy'), api.get<Data['schedule']>('/api/retention/schedule'),
        api.get<Data['holds']>('/api/retention/holds'), api.get<Certificate[]>('/api/retention/certificates'),
        api.get<Data['cases']>('/api/retention/cases'),
      ]);
      setData({ policy, schedule, holds, certificates, cases });
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const queue = data?.schedule.cases.filter((c) => c.due || c.processNotesDue) ?? [];
  return (
    <div className="page">
      <PageHeader title="Retention and disposal" lead="How long records are kept, when each closed case is due for disposal, and the certificates of what was destroyed." />
      <FormError message={error} />
      {!data && !error && <Loading label="Loading retention…" />}
      {data && (
        <>
          <QueueCard queue={queue} onDone={() => void load()} />
          <PolicyCard policy={data.policy.policy} defaults={data.policy.defaults} onSaved={() => void load()} />
          <Card title="Disposal dates" description="Every closed case, with the date its record may be destroyed. The last contact is the last session, or the date the case closed.">
            {data.schedule.cases.length === 0 ? <p className="empty">No closed cases.</p> : (
              <div className="table-wrap">
                <table className="table table-compact" data-testid="disposal-dates">
                  <thead><tr><th scope="col">Case</th><th scope="col">Last contact</th><th scope="col">Keep until</th><th scope="col">Rule</th><th scope="col">Process notes until</th></tr></thead>
                  <tbody>
                    {data.schedule.cases.map((c) => (
                      <tr key={c.caseCode}>
                        <td>{c.caseCode}</td><td className="nowrap">{c.lastContact}</td><td className="nowrap">{c.retainUntil}{c.due ? ' (due)' : ''}</td><td>{ruleWords(c)}</td><td className="nowrap">{c.processNotesUntil ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <HoldsCard holds={data.holds} cases={data.cases} onChange={() => void load()} />
          <Card title="Certificates of destruction" description="Each names the case code, what was destroyed and when, the policy applied and who approved it — nothing that identifies the client.">
            {data.certificates.length === 0 ? <p className="empty">None yet.</p> : (
              <ul className="plain-list" data-testid="certificates">
                {data.certificates.map((c) => (
                  <li key={c.id}>
                    {c.number} · {c.caseCode} · {c.scope === 'whole_record' ? 'whole record' : 'process notes'} · {c.destroyedAt.slice(0, 10)} · approved by {c.approverName}{' '}
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

function HoldsCard({ holds, cases, onChange }: { holds: (Hold & { caseCode: string })[]; cases: Data['cases']; onChange: () => void }) {
  const [f, setF] = useState({ caseCode: '', kind: 'litigation', reason: '' });
  const { errors, fromError, clear } = useFormErrors(HOLD_FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await api.post('/api/retention/holds', f);
      setF({ ...f, reason: '' });
      onChange();
    } catch (err) {
      fromError(err);
    }
  };
  const release = async (id: string) => {
    try {
      await api.post(`/api/retention/holds/${encodeURIComponent(id)}/release`);
      onChange();
    } catch (err) {
      fromError(err);
    }
  };
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
      <form onSubmit={submit}>
        <div className="grid-2">
          <Field label="Case" error={errors.fields.caseCode}>
            {(p) => (
              <select {...p} value={f.caseCode} onChange={(e) => setF({ ...f, caseCode: e.target.value })} required>
                <option value="">Choose…</option>
                {cases.map((c) => <option key={c.caseCode} value={c.caseCode}>{c.caseCode}{c.status === 'closed' ? ' (closed)' : ''}</option>)}
              </select>
            )}
          </Field>
          <Field label="Kind of hold" error={errors.fields.kind}>
            {(p) => (
              <select {...p} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
                {Object.entries(HOLD_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field label="Reason" hint="Kept encrypted." error={errors.fields.reason}>
          {(p) => <input {...p} value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} required maxLength={2000} />}
        </Field>
        <FormError message={errors.form} />
        <div className="button-row"><button type="submit" className="btn btn-secondary">Place hold</button></div>
      </form>
    </Card>
  );
}
