import { type FormEvent, useEffect, useState } from 'react';
import { type CaseloadEntry, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { todayCivil } from '../../format.js';
import { navigate } from '../../router.js';
import { ASK_LABELS, AUTHORITY_LABELS, CONCERN_LABELS, REQUESTER_LABELS, options } from './types.js';
import { caseloadOnce } from '../../components/useCaseNames.js';

const FIELDS = ['requesterType', 'requester.organisation', 'requester.name', 'asks', 'asked', 'authority', 'clientId', 'receivedOn', 'dueOn'] as const;

/** Log a request in under a minute: who, what they ask, on what authority, about whom. */
export function LogRequestForm() {
  const [clients, setClients] = useState<CaseloadEntry[]>([]);
  const [f, setF] = useState({ requesterType: '', organisation: '', name: '', asks: '', asked: '', authority: 'none', clientId: '', receivedOn: todayCivil(), dueOn: '', emergency: false });
  const [concerns, setConcerns] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  useEffect(() => {
    caseloadOnce().then(setClients, () => setClients([]));
  }, []);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>('/api/requests', {
        requesterType: f.requesterType, requester: { name: f.name, organisation: f.organisation }, asks: f.asks, asked: f.asked, authority: f.authority,
        clientId: f.clientId || null, receivedOn: f.receivedOn, dueOn: f.dueOn || null, concerns, emergency: f.emergency,
      });
      navigate(`/requests/${encodeURIComponent(r.id)}`);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <Card title="Log a request" description="Every request is logged, whoever it comes from. Sanctum triages it against the law where you practise.">
      <form onSubmit={submit} className="request-form">
        <div className="grid-2">
          <Field label="Who is asking" error={errors.fields.requesterType}>
            {(p) => (
              <select {...p} name="requesterType" value={f.requesterType} onChange={set('requesterType')} required>
                <option value="">Choose…</option>
                {options(REQUESTER_LABELS).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
          <Field label="Organisation" optional error={errors.fields['requester.organisation']}>
            {(p) => <input {...p} name="requester.organisation" value={f.organisation} onChange={set('organisation')} maxLength={200} />}
          </Field>
          <Field label="Their name" optional error={errors.fields['requester.name']}>
            {(p) => <input {...p} name="requester.name" value={f.name} onChange={set('name')} maxLength={200} autoComplete="off" />}
          </Field>
          <Field label="What they ask for" error={errors.fields.asks}>
            {(p) => (
              <select {...p} name="asks" value={f.asks} onChange={set('asks')} required>
                <option value="">Choose…</option>
                {options(ASK_LABELS).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field label="The request in brief" hint="What they asked, in your words. Kept encrypted." error={errors.fields.asked}>
          {(p) => <textarea {...p} name="asked" rows={3} value={f.asked} onChange={set('asked')} required />}
        </Field>
        <div className="grid-2">
          <Field label="Authority shown" error={errors.fields.authority}>
            {(p) => (
              <select {...p} name="authority" value={f.authority} onChange={set('authority')}>
                {options(AUTHORITY_LABELS).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
          <Field label="About which client" hint="Leave as not confirmed unless you know, and never confirm it to the requester." error={errors.fields.clientId}>
            {(p) => (
              <select {...p} name="clientId" value={f.clientId} onChange={set('clientId')}>
                <option value="">Not confirmed</option>
                {clients.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.caseCode}){c.status === 'closed' ? ', closed' : ''}</option>)}
              </select>
            )}
          </Field>
          <Field label="Received on" error={errors.fields.receivedOn}>
            {(p) => <input {...p} name="receivedOn" type="date" value={f.receivedOn} max={todayCivil()} onChange={set('receivedOn')} required />}
          </Field>
          <Field label="Reply due by" optional error={errors.fields.dueOn}>
            {(p) => <input {...p} name="dueOn" type="date" value={f.dueOn} onChange={set('dueOn')} />}
          </Field>
        </div>
        <fieldset className="concerns">
          <legend>Concerns raised <span className="optional">(optional)</span></legend>
          <div className="check-grid">
            {options(CONCERN_LABELS).map((o) => (
              <label key={o.value} className="field-check">
                <input type="checkbox" checked={concerns.includes(o.value)} onChange={(e) => setConcerns(e.target.checked ? [...concerns, o.value] : concerns.filter((c) => c !== o.value))} />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field-check">
          <input type="checkbox" checked={f.emergency} onChange={(e) => setF({ ...f, emergency: e.target.checked })} />
          Emergency: someone is at imminent risk
        </label>
        <FormError message={errors.form} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>Log and triage</button>
        </div>
      </form>
    </Card>
  );
}
