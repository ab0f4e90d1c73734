import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import type { SarRequest } from './types.js';
import './rights.css';

const FIELDS = ['feeCents', 'feeReason'] as const;

export const FEE_GROUNDS: Record<string, string> = {
  manifestly_unfounded_or_excessive: 'The request is manifestly unfounded or excessive (a reasonable fee for the administrative cost)',
  further_copies: 'Further copies of data already provided',
  cost_based_copying: 'Reasonable, cost-based fee for copying, supplies and postage',
};

/** The grounds the law allows for this right: UK any request may be manifestly unfounded or excessive; copies only concern access. */
function groundsFor(r: SarRequest): string[] {
  const copies = r.right === 'access' || r.right === 'portability';
  if (r.regime === 'uk-gdpr') return ['manifestly_unfounded_or_excessive', ...(copies ? ['further_copies'] : [])];
  return copies ? ['cost_based_copying'] : [];
}

export function feeWords(r: SarRequest): string {
  if (!r.feeCents) return 'No fee';
  const money = new Intl.NumberFormat(r.regime === 'uk-gdpr' ? 'en-GB' : 'en-US', { style: 'currency', currency: r.regime === 'uk-gdpr' ? 'GBP' : 'USD' }).format(r.feeCents / 100);
  return `${money} — ${FEE_GROUNDS[r.feeReason ?? ''] ?? r.feeReason ?? ''}`;
}

/** No fee by default; a fee only with a ground the law allows for this request. */
export function FeeCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const grounds = groundsFor(r);
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const [feeReason, setFeeReason] = useState(grounds[0] ?? '');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const open = r.status === 'awaiting_verification' || r.status === 'in_progress';
  const symbol = r.regime === 'uk-gdpr' ? '£' : '$';

  const save = async (feeCents: number) => {
    setBusy(true);
    try {
      onDone(await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/fee`, { feeCents, feeReason: feeCents ? feeReason : null }));
      setEditing(false);
      announce(feeCents ? 'Fee recorded with its ground.' : 'Fee removed: no fee is charged.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const m = /^\s*(\d{1,5})(?:\.(\d{1,2}))?\s*$/.exec(amount);
    if (!m || Number(m[1]) + Number(m[2] ?? 0) === 0) return setField('feeCents', `Give the amount in ${symbol === '£' ? 'pounds' : 'dollars'}, for example 10.00.`);
    if (!feeReason) return setField('feeReason', 'Choose the ground for the fee.');
    void save(Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')));
  };

  return (
    <Card title="Fee">
      <p data-testid="fee">{feeWords(r)}</p>
      <FormError message={errors.form} />
      {open && grounds.length === 0 && !r.feeCents && <p className="hint">The law allows no fee for this request.</p>}
      {open && r.feeCents > 0 && (
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => void save(0)} disabled={busy}>
            Remove the fee
          </button>
        </div>
      )}
      {open && grounds.length > 0 && !r.feeCents && !editing && (
        <div className="button-row">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(true)}>
            Record a fee…
          </button>
        </div>
      )}
      {open && editing && (
        <form onSubmit={submit} noValidate aria-label="Record a fee">
          <p className="hint">Charge only where one of these grounds applies; the client is told the ground.</p>
          <div className="fee-form">
            <Field label={`Amount (${symbol})`} error={errors.fields.feeCents}>
              {(p) => <input {...p} name="feeCents" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => { setAmount(e.target.value); clear(); }} autoFocus />}
            </Field>
            <Field label="Ground" error={errors.fields.feeReason}>
              {(p) => (
                <select {...p} name="feeReason" value={feeReason} onChange={(e) => { setFeeReason(e.target.value); clear(); }}>
                  {grounds.map((g) => (
                    <option key={g} value={g}>
                      {FEE_GROUNDS[g]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Record the fee
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => { clear(); setEditing(false); }}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
