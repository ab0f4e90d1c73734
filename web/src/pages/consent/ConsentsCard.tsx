import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { civilDate, instant } from '../../format.js';
import { CHANNEL_LABELS, type ConsentRecord, type ConsentStatus, WHAT, WITHDRAWAL_WAYS } from './types.js';
import { WithdrawDialog } from './WithdrawDialog.js';

const STATE: Record<string, string> = { active: 'Given', refused: 'Declined', withdrawn: 'Withdrawn', expired: 'Ended', superseded: 'Replaced' };
const FIELDS = ['recipient', 'what', 'purpose', 'expiresOn'] as const;

function describe(c: ConsentRecord): string {
  if (c.kind === 'records') return 'Keeping records';
  if (c.kind === 'supervision') return 'Anonymised supervision';
  if (c.kind === 'channel' && c.channel) return `Contact: ${CHANNEL_LABELS[c.channel]}`;
  return `Share ${WHAT[c.what ?? ''] ?? c.what} with ${c.recipient} — ${c.purpose}`;
}

const howAsked = (via: string): string => (WITHDRAWAL_WAYS.find((w) => w.value === via)?.label ?? via).toLowerCase();

/** Every current consent, each withdrawable; and specific consents to disclose. */
export function ConsentsCard({ clientId, status, reload }: { clientId: string; status: ConsentStatus; reload: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const announce = useAnnounce();
  const current = status.consents.filter((c) => c.state !== 'superseded');

  const [withdrawing, setWithdrawing] = useState<ConsentRecord | null>(null);
  const withdrawn = async () => {
    if (withdrawing) announce(`${describe(withdrawing)}: consent withdrawn.`);
    setWithdrawing(null);
    try {
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Card title="Consents" description="Each tied to the exact wording the client saw. A withdrawal takes effect at once, everywhere."
      actions={status.agreement?.status === 'signed' && !adding && <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>Record consent to disclose</button>}>
      <FormError message={error} />
      <p><strong>Ways we may contact the client now:</strong></p>
      <ul className="channel-list" aria-label="Channels allowed now" data-testid="allowed-channels">
        {status.allowedChannels.length === 0 && <li className="muted">None yet</li>}
        {status.allowedChannels.map((c) => <li key={c} className="badge badge-open">{CHANNEL_LABELS[c]}</li>)}
      </ul>
      {adding && <DisclosureForm clientId={clientId} onDone={async () => { setAdding(false); await reload(); }} onCancel={() => setAdding(false)} />}
      {current.length === 0 ? <p className="empty-inline">No consents recorded yet. They are asked for when the agreement is signed.</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Consents</caption>
            <thead><tr><th scope="col">Consent</th><th scope="col">Decision</th><th scope="col">Recorded</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {current.map((c) => (
                <tr key={c.id} data-testid="consent-row" data-kind={c.kind} data-channel={c.channel ?? ''}>
                  <td>{describe(c)}{c.expiresOn && <> (until {civilDate(c.expiresOn)})</>}</td>
                  <td>{STATE[c.state]}{c.withoutCapacity && <span className="badge badge-warn"> Without capacity</span>}{c.withdrawnAt && <> {instant(c.withdrawnAt)}{c.withdrawnVia && <span className="withdrawal-how"> — the client asked {howAsked(c.withdrawnVia)}{c.withdrawalAskedOn && <> on {civilDate(c.withdrawalAskedOn)}</>}</span>}</>}</td>
                  <td>{instant(c.recordedAt)}</td>
                  <td>{c.state === 'active' && <button type="button" className="btn btn-quiet" onClick={() => setWithdrawing(c)} aria-label={`Withdraw: ${describe(c)}`}>Withdraw…</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WithdrawDialog clientId={clientId} consent={withdrawing} label={withdrawing ? describe(withdrawing) : ''} onDone={withdrawn} onCancel={() => setWithdrawing(null)} />
    </Card>
  );
}

function DisclosureForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState({ recipient: '', what: 'report', purpose: '', expiresOn: '' });
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError } = useFormErrors(FIELDS);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/consents`, { kind: 'disclosure', recipient: form.recipient, what: form.what, purpose: form.purpose, expiresOn: form.expiresOn || null });
      await onDone();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };
  return (
    <form className="consent-form" onSubmit={submit} noValidate aria-label="Record consent to disclose">
      <FormError message={errors.form} />
      <Field label="Who may receive it" error={errors.fields.recipient}>{(p) => <input {...p} name="recipient" value={form.recipient} onChange={set('recipient')} />}</Field>
      <Field label="What may be shared" error={errors.fields.what}>{(p) => <select {...p} name="what" value={form.what} onChange={set('what')}>{Object.entries(WHAT).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>}</Field>
      <Field label="What it is for" error={errors.fields.purpose}>{(p) => <input {...p} name="purpose" value={form.purpose} onChange={set('purpose')} />}</Field>
      <Field label="Until" optional error={errors.fields.expiresOn}>{(p) => <input {...p} name="expiresOn" type="date" value={form.expiresOn} onChange={set('expiresOn')} />}</Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>Record consent</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
