import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { Choices } from './Choices.js';
import type { SarRequest } from './types.js';
import './rights.css';

const FIELDS = ['choice', 'exemption'] as const;

/**
 * Process notes in an access request. HIPAA: psychotherapy notes are outside the right of access
 * unless the practitioner chooses to give them. UK: they are part of the record unless an
 * exemption is recorded.
 */
export function ProcessNotesCard({ r, onDone }: { r: SarRequest; onDone: (r: SarRequest) => void }) {
  const hipaa = r.regime === 'hipaa';
  const included = hipaa ? r.processNotes === 'include' : !(r.processNotes === 'exclude' && r.exemption);
  const [choice, setChoice] = useState(included ? 'include' : 'exclude');
  const [exemption, setExemption] = useState(r.exemption ?? '');
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const open = r.status === 'awaiting_verification' || r.status === 'in_progress';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!hipaa && choice === 'exclude' && !exemption.trim()) return setField('exemption', 'Record the exemption that allows the process notes to be withheld.');
    if (hipaa && choice === 'include' && !exemption.trim()) return setField('exemption', 'Record why you are choosing to include them.');
    setBusy(true);
    try {
      const body = hipaa ? { choice: choice === 'include' ? 'include' : 'default', exemption: exemption.trim() || null } : { choice: choice === 'include' ? 'default' : 'exclude', exemption: exemption.trim() || null };
      onDone(await api.post<SarRequest>(`/api/sar/requests/${encodeURIComponent(r.id)}/process-notes`, body));
      announce(choice === 'include' ? 'Process notes will be included in the export.' : 'Process notes will be left out of the export.');
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
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
      {open && (
        <form onSubmit={submit} noValidate aria-label="Process notes">
          <FormError message={errors.form} />
          <Choices
            legend="Your choice"
            name="choice"
            value={choice}
            error={errors.fields.choice}
            onChange={(v) => { setChoice(v); clear(); }}
            choices={hipaa
              ? [
                  { value: 'exclude', label: 'Leave them out', help: 'The default: they are not part of the designated record set the client may see.' },
                  { value: 'include', label: 'Include them', help: 'For example, where the client asked for them and you judge it helpful.' },
                ]
              : [
                  { value: 'include', label: 'Include them', help: 'The default.' },
                  { value: 'exclude', label: 'Withhold them under an exemption', help: 'Only where an exemption applies; record which and why.' },
                ]}
          />
          <Field label={hipaa ? 'Reasons for your choice' : 'Exemption and reasons'} hint={hipaa ? 'Needed when you include them.' : 'Needed when you withhold them.'} error={errors.fields.exemption}>
            {(p) => <textarea {...p} name="exemption" rows={3} value={exemption} onChange={(e) => { setExemption(e.target.value); clear(); }} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="btn btn-secondary" disabled={busy}>
              Record the choice
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
