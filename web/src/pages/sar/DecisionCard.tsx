import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { SarRequest } from './types.js';
import { isOpen, useRequestForm } from './useRequestAction.js';
import './rights.css';

/** Restriction or objection: upheld or declined, with reasons and what changes as a result. */
export function DecisionCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const [decision, setDecision] = useState('');
  const { errors, clear, setField, busy, post, values, bind } = useRequestForm(r, onDone, { reasons: '', effect: '' }, ['decision']);
  if (!isOpen(r)) return null;
  const what = r.right === 'objection' ? 'objection' : 'restriction';

  const submit = () => {
    clear();
    if (!decision) return setField('decision', `Choose whether the ${what} is upheld or declined.`);
    if (!values.reasons.trim()) return setField('reasons', 'Record the reasons for the decision.');
    if (!values.effect.trim()) return setField('effect', 'Say what changes as a result (for example, which processing stops).');
    void post('decision', { decision, ...values }, decision === 'upheld' ? `The ${what} was upheld and recorded.` : `The ${what} was declined; the client’s right to complain is recorded.`);
  };

  return (
    <Card
      title={r.right === 'objection' ? 'Objection' : 'Restriction'}
      description={r.right === 'objection' ? 'The client objects to some use of their data. Uphold it, or decline it where there are compelling legitimate grounds.' : 'The client asks you to limit how their data is used while something is settled. Record what you will and will not do.'}
    >
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record the decision" busyLabel="Recording…" aria-label={`${what} decision`}>
        <ChoiceGroup
          type="radio"
          className="choice-list"
          legend="Decision"
          name="decision"
          values={[decision]}
          error={errors.fields.decision}
          onChange={([v]) => { setDecision(v ?? ''); clear(); }}
          options={[
            { value: 'upheld', label: 'Uphold', hint: `Act on the ${what}.` },
            { value: 'declined', label: 'Decline, with reasons', hint: 'The client is told why and how to complain.' },
          ]}
        />
        <TextArea label="Reasons for the decision" hint="Told to the client." rows={3} {...bind('reasons')} />
        <TextArea label="What changes" hint="Which processing stops, and what continues (for example: no further reminders by text; records kept but not used)." rows={3} {...bind('effect')} />
      </Form>
    </Card>
  );
}
