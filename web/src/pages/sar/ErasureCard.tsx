import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSession } from '../../session.js';
import { type RetentionView, type SarRequest, longDate } from './types.js';
import { isOpen, useRequestForm } from './useRequestAction.js';
import './rights.css';

const POLICY_WORDS: Record<string, string> = { 'uk-default': 'UK default: adults 7 years after the last contact; children until their 25th birthday (26th if 17 when the work ended)', 'us-ca-psychologist': 'California psychologists: 7 years after the last contact; a minor at least until their 25th birthday' };

/** The retention position the decision is weighed against. */
function RetentionFacts({ v }: { v: RetentionView }) {
  return (
    <dl className="facts" data-testid="retention">
      <dt>Last contact</dt>
      <dd>{v.lastContact ? longDate(v.lastContact) : 'None recorded'}</dd>
      <dt>Retention policy</dt>
      <dd>{v.policy ? POLICY_WORDS[v.policy] ?? v.policy : 'No policy on file for this jurisdiction: weigh the state’s rules yourself'}</dd>
      <dt>Keep until</dt>
      <dd>{v.retainUntil ? longDate(v.retainUntil) : '—'}</dd>
      <dt>Retention applies now</dt>
      <dd>{v.retentionApplies ? 'Yes: the records are still within their retention period' : 'No: the retention period has ended or none applies'}</dd>
    </dl>
  );
}

/** Erasure: weigh the retention position, then erase (an administrator) or refuse with reasons. */
export function ErasureCard({ r, onDone, onErased }: { r: SarRequest; onDone: (r: SarRequest) => void; onErased: () => void }) {
  const { user } = useSession();
  const isAdmin = user.roles.includes('admin');
  const { data: retention, error: loadError } = useLoad(() => api.get<RetentionView>(`/api/sar/requests/${encodeURIComponent(r.id)}/retention`), [r.id]);
  const [decision, setDecision] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { errors, clear, setField, busy, run, values, bind } = useRequestForm(r, onDone, { reasons: '' }, ['decision']);
  const { reasons } = values;
  const announce = useAnnounce();

  const send = () =>
    run(async () => {
      try {
        const res = await api.post<{ request: SarRequest | null; erased: boolean }>(`/api/sar/requests/${encodeURIComponent(r.id)}/erasure`, { decision, reasons });
        if (res.erased) {
          announce('The client’s records were securely destroyed. A certificate of destruction was issued.');
          onErased();
        } else if (res.request) {
          onDone(res.request);
          announce('Erasure refused; the reasons and the client’s right to complain are recorded.');
        }
      } finally {
        setConfirming(false);
      }
    });

  const submit = () => {
    clear();
    if (!decision) return setField('decision', 'Choose whether to erase or to refuse.');
    if (!reasons.trim()) return setField('reasons', 'Record the reasons for the decision.');
    if (decision === 'erase') setConfirming(true);
    else void send();
  };

  const choices = [
    ...(isAdmin ? [{ value: 'erase', label: 'Erase the records', hint: 'Secure disposal of the whole record, now.' }] : []),
    { value: 'refuse', label: 'Refuse, with reasons', hint: 'Keep the records (for example, for the retention period). The client is told why and how to complain.' },
  ];
  const submitLabel = decision === 'erase' ? 'Erase the records…' : decision === 'refuse' ? 'Refuse the erasure' : 'Record the decision';

  return (
    <Card title="Erasure" description="Weigh the request against how long the records must be kept.">
      <FormError message={loadError} />
      {retention && <RetentionFacts v={retention} />}
      {isOpen(r) && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel={submitLabel} busyLabel={submitLabel} aria-label="Erasure decision" className="rights-form">
          <ChoiceGroup type="radio" className="choice-list" legend="Decision" name="decision" values={[decision]} error={errors.fields.decision} onChange={([v]) => { setDecision(v ?? ''); clear(); }} options={choices} />
          {!isAdmin && <p className="hint">Only a practice administrator can carry out an erasure; you can refuse it, or ask them.</p>}
          <TextArea label="Reasons for the decision" hint={decision === 'refuse' ? 'Told to the client with the date the records will be destroyed.' : 'Recorded with the decision.'} rows={3} {...bind('reasons')} />
        </Form>
      )}
      <ConfirmDialog open={confirming} title={`Erase every record of ${r.caseCode}?`} confirmLabel="Erase permanently" busy={busy} onConfirm={() => void send()} onCancel={() => setConfirming(false)}>
        <p>This cannot be undone.{retention?.retentionApplies && retention.retainUntil ? ` The records are still within their retention period (until ${longDate(retention.retainUntil)}): record why erasing them now is right.` : ''}</p>
        <ul>
          <li>The client’s encryption keys are destroyed, so every copy of their records — including those in backups — becomes unreadable.</li>
          <li>A certificate of destruction is issued, naming the case code and what was destroyed, and nothing that identifies the client. It appears under Retention.</li>
          <li>A legal hold (litigation, an open breach, another open request) stops the erasure: you will be told which.</li>
        </ul>
      </ConfirmDialog>
    </Card>
  );
}
