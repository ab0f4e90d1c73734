import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate, instant } from '../../format.js';
import { CHANNEL_LABELS, type ConsentRecord, type ConsentStatus, WHAT, WITHDRAWAL_WAYS } from './types.js';
import { WithdrawDialog } from './WithdrawDialog.js';

const STATE: Record<string, string> = { active: 'Given', refused: 'Declined', withdrawn: 'Withdrawn', expired: 'Ended', superseded: 'Replaced' };
const FIELDS = ['recipient', 'what', 'purpose', 'expiresOn'] as const;

function describe(c: ConsentRecord): string {
  if (c.kind === 'records') return 'Keeping records';
  if (c.kind === 'supervision') return 'Anonymised supervision';
  if (c.kind === 'channel' && c.channel) return `Contact: ${CHANNEL_LABELS[c.channel]}`;
  const what = WHAT[c.what ?? ''] ?? c.what ?? '';
  return `Share ${what.charAt(0).toLowerCase()}${what.slice(1)} with ${c.recipient} — ${c.purpose}`;
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
      <DataTable
        rows={current}
        empty="No consents recorded yet. They are asked for when the agreement is signed."
        emptyClassName="empty-inline"
        caption="Consents"
        columns={['Consent', 'Decision', 'Recorded', <span className="visually-hidden">Actions</span>]}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-testid': 'consent-row', 'data-kind': c.kind, 'data-channel': c.channel ?? '' })}
        cells={(c) => (
          <>
            <td>{describe(c)}{c.expiresOn && <> (until {civilDate(c.expiresOn)})</>}</td>
            <td>{STATE[c.state]}{c.withoutCapacity && <span className="badge badge-warn"> Without capacity</span>}{c.withdrawnAt && <> {instant(c.withdrawnAt)}{c.withdrawnVia && <span className="withdrawal-how"> — the client asked {howAsked(c.withdrawnVia)}{c.withdrawalAskedOn && <> on {civilDate(c.withdrawalAskedOn)}</>}</span>}</>}</td>
            <td>{instant(c.recordedAt)}</td>
            <td>{c.state === 'active' && <button type="button" className="btn btn-quiet" onClick={() => setWithdrawing(c)} aria-label={`Withdraw: ${describe(c)}`}>Withdraw…</button>}</td>
          </>
        )}
      />
      <WithdrawDialog clientId={clientId} consent={withdrawing} label={withdrawing ? describe(withdrawing) : ''} onDone={withdrawn} onCancel={() => setWithdrawing(null)} />
    </Card>
  );
}

const WHAT_CHOICES = Object.entries(WHAT).map(([value, label]) => ({ value, label }));
const NO_DISCLOSURE = { recipient: '', what: 'report', purpose: '', expiresOn: '' };

function DisclosureForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values, bind } = useFieldValues(NO_DISCLOSURE, errors.fields);
  const submit = () =>
    run(async () => {
      await api.post(`/api/clients/${encodeURIComponent(clientId)}/consents`, { kind: 'disclosure', ...values, expiresOn: values.expiresOn || null });
      await onDone();
    });
  return (
    <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record consent" busyLabel="Recording…" onCancel={onCancel} aria-label="Record consent to disclose">
      <TextField label="Who may receive it" {...bind('recipient')} />
      <SelectField label="What may be shared" {...bind('what')} options={WHAT_CHOICES} />
      <TextField label="What it is for" {...bind('purpose')} />
      <TextField label="Until" optional {...bind('expiresOn')} type="date" />
    </Form>
  );
}
