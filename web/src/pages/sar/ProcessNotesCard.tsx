import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import type { SarRequest } from './types.js';
import { isOpen, useRequestForm } from './useRequestAction.js';
import './rights.css';

const HIPAA_CHOICES = [
  { value: 'exclude', label: 'Leave them out', hint: 'The default: they are not part of the designated record set the client may see.' },
  { value: 'include', label: 'Include them', hint: 'For example, where the client asked for them and you judge it helpful.' },
];
const UK_CHOICES = [
  { value: 'include', label: 'Include them', hint: 'The default.' },
  { value: 'exclude', label: 'Withhold them under an exemption', hint: 'Only where an exemption applies; record which and why.' },
];

/**
 * Process notes in an access request. HIPAA: psychotherapy notes are outside the right of access
 * unless the practitioner chooses to give them. UK: they are part of the record unless an
 * exemption is recorded.
 */
export function ProcessNotesCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const hipaa = r.regime === 'hipaa';
  const included = hipaa ? r.processNotes === 'include' : !(r.processNotes === 'exclude' && r.exemption);
  const [choice, setChoice] = useState(included ? 'include' : 'exclude');
  const { errors, clear, setField, busy, post, values, bind } = useRequestForm(r, onDone, { exemption: r.exemption ?? '' }, ['choice']);
  const exemption = values.exemption;

  const submit = () => {
    clear();
    if (!hipaa && choice === 'exclude' && !exemption.trim()) return setField('exemption', 'Record the exemption that allows the process notes to be withheld.');
    if (hipaa && choice === 'include' && !exemption.trim()) return setField('exemption', 'Record why you are choosing to include them.');
    const body = hipaa ? { choice: choice === 'include' ? 'include' : 'default', exemption: exemption.trim() || null } : { choice: choice === 'include' ? 'default' : 'exclude', exemption: exemption.trim() || null };
    void post('process-notes', body, choice === 'include' ? 'Process notes will be included in the export.' : 'Process notes will be left out of the export.');
  };

  const now = included ? 'Process notes are included in the export.' : 'Process notes are left out of the export.';
  return (
    <Card
      title="Process notes"
      description={hipaa
        ? 'Under HIPAA, psychotherapy notes are outside the client’s right of access (45 CFR §164.524(a)(1)(i)). You may choose to give them.'
        : 'In the UK, process notes are part of the client’s record and are included, unless an exemption applies (for example, DPA 2018 Sch.3 para 5: serious harm).'}
    >
      <p data-testid="process-notes-state">
        <strong>{now}</strong>
        {r.exemption && <> Reasons: {r.exemption}</>}
      </p>
      {isOpen(r) && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record the choice" busyLabel="Recording…" submitClassName="btn btn-secondary" aria-label="Process notes">
          <ChoiceGroup type="radio" className="choice-list" legend="Your choice" name="choice" values={[choice]} error={errors.fields.choice} onChange={([v]) => { setChoice(v ?? choice); clear(); }} options={hipaa ? HIPAA_CHOICES : UK_CHOICES} />
          <TextArea
            label={hipaa ? 'Reasons for your choice' : 'Exemption and reasons'}
            hint={hipaa ? 'Needed when you include them.' : 'Needed when you withhold them.'}
            rows={3}
            {...bind('exemption')}
          />
        </Form>
      )}
    </Card>
  );
}
