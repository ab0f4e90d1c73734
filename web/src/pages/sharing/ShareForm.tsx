import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { ResidualChecklist } from './ResidualChecklist.js';
import { type Draft, LOOKUP_LABELS, RECIPIENT_KINDS, type SharingRecord } from './types.js';

const FIELDS = ['recipientKind', 'recipient', 'purpose', 'form', 'consent.answer', 'consent.reason', 'residual'] as const;

/** The residual-risk checklist and who it goes to, why, in which form and on what consent. */
export function ShareForm({ draft, onShared }: { draft: Draft; onShared: (r: SharingRecord) => void }) {
  const [kind, setKind] = useState('supervisor');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [form, setForm] = useState<'text' | 'pdf'>('pdf');
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [residual, setResidual] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors([...FIELDS, ...draft.questions.map((q) => `residual.${q.id}`)]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const missing = draft.questions.find((q) => !residual[q.id]);
    if (missing) return setField(`residual.${missing.id}`, 'Answer this question before sharing.');
    if (!recipient.trim()) return setField('recipient', 'Describe who receives it, for example "monthly clinical supervisor".');
    if (!purpose.trim()) return setField('purpose', 'Say what it is shared for.');
    if (!answer) return setField('consent.answer', 'Say whether the client consented.');
    setBusy(true);
    try {
      const consent: Record<string, string> = { answer };
      if (reason.trim()) consent.reason = reason.trim();
      onShared(await api.post<SharingRecord>(`/api/sharing/drafts/${encodeURIComponent(draft.id)}/share`, { recipientKind: kind, recipient, purpose, form, consent, residual }));
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const radio = (name: string, value: string, label: string, checked: boolean, set: () => void) => (
    <div className="field-check" key={value}>
      <input type="radio" id={`${name}-${value}`} name={name} value={value} checked={checked} onChange={set} />
      <label htmlFor={`${name}-${value}`}>{label}</label>
    </div>
  );

  return (
    <form onSubmit={submit} noValidate>
      <FormError message={errors.form} />
      <ResidualChecklist draft={draft} answers={residual} errors={errors.fields} onChange={(q, a) => setResidual({ ...residual, [q]: a })} />
      <Card title="Share" description="Who receives it, why, and on what consent. This is recorded on the client’s record and in the audit log.">
        <div className="grid-2">
          <Field label="Shared for" error={errors.fields.recipientKind}>
            {(p) => (
              <select {...p} name="recipientKind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {RECIPIENT_KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
              </select>
            )}
          </Field>
          <Field label="Recipient" hint="A role, not the client: for example “monthly clinical supervisor”." error={errors.fields.recipient}>
            {(p) => <input {...p} name="recipient" autoComplete="off" maxLength={200} value={recipient} onChange={(e) => setRecipient(e.target.value)} />}
          </Field>
        </div>
        <Field label="Purpose" error={errors.fields.purpose}>
          {(p) => <textarea {...p} name="purpose" rows={2} maxLength={1000} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
        </Field>
        <fieldset className="choice-row">
          <legend>Form</legend>
          {radio('form', 'pdf', 'PDF (watermarked with the purpose)', form === 'pdf', () => setForm('pdf'))}
          {radio('form', 'text', 'Text', form === 'text', () => setForm('text'))}
        </fieldset>
        <fieldset className={`choice-row${errors.fields['consent.answer'] ? ' field-invalid' : ''}`} aria-describedby="consent-lookup">
          <legend>Did the client consent?</legend>
          <p className="hint" id="consent-lookup">{LOOKUP_LABELS[draft.consent.lookup] ?? ''}</p>
          {errors.fields['consent.answer'] && <p className="field-error" role="alert">{errors.fields['consent.answer']}</p>}
          {radio('consent.answer', 'yes', 'Yes', answer === 'yes', () => setAnswer('yes'))}
          {radio('consent.answer', 'no', 'No', answer === 'no', () => setAnswer('no'))}
          {radio('consent.answer', 'not_needed', 'Not needed', answer === 'not_needed', () => setAnswer('not_needed'))}
        </fieldset>
        <Field label="Reason" optional={answer === 'yes' || !answer} hint="Needed when the answer is no or not needed." error={errors.fields['consent.reason']}>
          {(p) => <textarea {...p} name="consent.reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Sharing…' : 'Share and record'}</button>
        </div>
      </Card>
    </form>
  );
}
