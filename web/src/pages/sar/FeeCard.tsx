import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import type { SarRequest } from './types.js';
import { isOpen, useRequestForm } from './useRequestAction.js';
import './rights.css';

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
  const { errors, clear, setField, busy, post, values, bind } = useRequestForm(r, onDone, { feeCents: '', feeReason: grounds[0] ?? '' });
  const { feeCents: amount, feeReason } = values;
  const open = isOpen(r);
  const symbol = r.regime === 'uk-gdpr' ? '£' : '$';

  const save = (feeCents: number) =>
    post('fee', { feeCents, feeReason: feeCents ? feeReason : null }, feeCents ? 'Fee recorded with its ground.' : 'Fee removed: no fee is charged.', () => setEditing(false));

  const submit = () => {
    clear();
    const m = /^\s*(\d{1,5})(?:\.(\d{1,2}))?\s*$/.exec(amount);
    if (!m || Number(m[1]) + Number(m[2] ?? 0) === 0) return setField('feeCents', `Give the amount in ${symbol === '£' ? 'pounds' : 'dollars'}, for example 10.00.`);
    if (!feeReason) return setField('feeReason', 'Choose the ground for the fee.');
    void save(Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')));
  };

  return (
    <Card title="Fee">
      <p data-testid="fee">{feeWords(r)}</p>
      {!editing && <FormError message={errors.form} />}
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
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record the fee" busyLabel="Recording…" aria-label="Record a fee" onCancel={() => { clear(); setEditing(false); }}>
          <p className="hint">Charge only where one of these grounds applies; the client is told the ground.</p>
          <div className="fee-form">
            <TextField label={`Amount (${symbol})`} inputMode="decimal" autoComplete="off" autoFocus {...bind('feeCents')} />
            <SelectField label="Ground" {...bind('feeReason')} options={grounds.map((g) => ({ value: g, label: FEE_GROUNDS[g] ?? g }))} />
          </div>
        </Form>
      )}
    </Card>
  );
}
