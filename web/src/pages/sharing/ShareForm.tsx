import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import type { ResponseOf } from '../../api/contract.js';
import { ResidualChecklist } from './ResidualChecklist.js';
import { type Draft, LOOKUP_LABELS, RECIPIENT_KINDS, type SharingRecord } from './types.js';

const KIND_CHOICES = RECIPIENT_KINDS.map((k) => ({ value: k.id, label: k.label }));
const FORM_CHOICES = [
  { value: 'pdf', label: 'PDF (watermarked with the purpose)' },
  { value: 'text', label: 'Text' },
];
const CONSENT_CHOICES = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_needed', label: 'Not needed' },
];
const FIELDS = ['recipientKind', 'recipientUserId', 'recipient', 'purpose', 'form', 'consent.answer', 'consent.reason', 'residual'] as const;

/** The residual-risk checklist and who it goes to, why, in which form and on what consent. */
export function ShareForm({ draft, onShared }: { draft: Draft; onShared: (r: SharingRecord) => void }) {
  const [kind, setKind] = useState('supervisor');
  const [recipient, setRecipient] = useState('');
  // A supervisor on the staff who supervises this practitioner now; they then see the material.
  const [supervisorId, setSupervisorId] = useState('');
  const supervisors = useLoad(() => api.get<ResponseOf<'/api/supervision/supervisors', 'get'>>('/api/supervision/supervisors'), []).data ?? [];
  const toSupervisor = kind === 'supervisor' && supervisorId !== '';
  const [purpose, setPurpose] = useState('');
  const [form, setForm] = useState<'text' | 'pdf'>('pdf');
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [residual, setResidual] = useState<Record<string, string>>({});
  const { errors, clear, setField, busy, run } = useSubmit([...FIELDS, ...draft.questions.map((q) => `residual.${q.id}`)]);

  const submit = async () => {
    clear();
    const missing = draft.questions.find((q) => !residual[q.id]);
    if (missing) return setField(`residual.${missing.id}`, 'Answer this question before sharing.');
    if (!toSupervisor && !recipient.trim()) return setField('recipient', 'Describe who receives it, for example "monthly clinical supervisor".');
    if (!purpose.trim()) return setField('purpose', 'Say what it is shared for.');
    if (!answer) return setField('consent.answer', 'Say whether the client consented.');
    const consent: Record<string, string> = { answer };
    if (reason.trim()) consent.reason = reason.trim();
    await run(async () => onShared(await api.post<SharingRecord>(`/api/sharing/drafts/${encodeURIComponent(draft.id)}/share`, { recipientKind: kind, ...(recipient.trim() ? { recipient } : {}), ...(toSupervisor ? { recipientUserId: supervisorId } : {}), purpose, form, consent, residual })));
  };

  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Share and record" busyLabel="Sharing…" className="share-form">
      <ResidualChecklist draft={draft} answers={residual} errors={errors.fields} onChange={(q, a) => setResidual({ ...residual, [q]: a })} />
      <Card title="Share" description="Who receives it, why, and on what consent. This is recorded on the client’s record and in the audit log.">
        <div className="grid-2">
          <SelectField label="Shared for" name="recipientKind" value={kind} onChange={setKind} options={KIND_CHOICES} error={errors.fields.recipientKind} />
          {kind === 'supervisor' && supervisors.length > 0 && (
            <SelectField label="Supervisor" hint="Someone supervising you here sees it on their Supervision page." name="recipientUserId" value={supervisorId} onChange={setSupervisorId} options={[{ value: '', label: 'Someone else (describe below)' }, ...supervisors.map((x) => ({ value: x.id, label: x.name }))]} error={errors.fields.recipientUserId} />
          )}
          <TextField label="Recipient" optional={toSupervisor} hint="A role, not the client: for example “monthly clinical supervisor”." name="recipient" autoComplete="off" maxLength={200} value={recipient} onChange={setRecipient} error={errors.fields.recipient} />
        </div>
        <TextArea label="Purpose" name="purpose" rows={2} maxLength={1000} value={purpose} onChange={setPurpose} error={errors.fields.purpose} />
        <ChoiceGroup type="radio" className="choice-row" legend="Form" name="form" options={FORM_CHOICES} values={[form]} onChange={([v]) => setForm(v as 'text' | 'pdf')} />
        <ChoiceGroup
          type="radio"
          className={`choice-row${errors.fields['consent.answer'] ? ' field-invalid' : ''}`}
          legend="Did the client consent?"
          hint={LOOKUP_LABELS[draft.consent.lookup] ?? ''}
          name="consent.answer"
          options={CONSENT_CHOICES}
          values={answer ? [answer] : []}
          onChange={([v]) => setAnswer(v)}
          error={errors.fields['consent.answer']}
        />
        <TextArea label="Reason" optional={answer === 'yes' || !answer} hint="Needed when the answer is no or not needed." name="consent.reason" rows={2} maxLength={1000} value={reason} onChange={setReason} error={errors.fields['consent.reason']} />
      </Card>
    </Form>
  );
}
