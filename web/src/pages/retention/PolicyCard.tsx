import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import type { Policy } from './types.js';

const FIELDS = ['adultYears', 'minorUntilBirthday', 'minorUntilBirthdayAt17', 'processNotesYears', 'reason'] as const;

/** The practice's periods, editable, with the reason whenever they differ from the default. */
export function PolicyCard({ policy, defaults, onSaved }: { policy: Policy; defaults: Policy; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values: f, bind } = useFieldValues({ adultYears: String(policy.adultYears), minorUntilBirthday: String(policy.minorUntilBirthday), minorUntilBirthdayAt17: String(policy.minorUntilBirthdayAt17), processNotesYears: policy.processNotesYears === null ? '' : String(policy.processNotesYears), reason: policy.reason ?? '' }, errors.fields);
  const submit = async () => {
    await run(async () => {
      await api.put('/api/retention/policy', {
        adultYears: Number(f.adultYears), minorUntilBirthday: Number(f.minorUntilBirthday), minorUntilBirthdayAt17: Number(f.minorUntilBirthdayAt17),
        processNotesYears: f.processNotesYears === '' ? null : Number(f.processNotesYears), reason: f.reason.trim() || null,
      });
      setEditing(false);
      onSaved();
    });
  };
  return (
    <Card title="Retention policy" description={`${policy.title}. ${policy.isDefault ? 'The default periods.' : `The practice's own periods: ${policy.reason}`}`}
      actions={!editing && <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>Change periods</button>}>
      {policy.needsLocalCheck && <p className="callout callout-warning">No default is shipped for this state: check the period your licensing board sets and enter it here.</p>}
      <dl className="fact-list">
        <dt>Adults</dt><dd>{policy.adultYears} years after the last contact</dd>
        <dt>Children</dt><dd>until their {policy.minorUntilBirthday}th birthday, or {policy.minorUntilBirthdayAt17}th if they were 17 when therapy ended (or the adult period, if later)</dd>
        <dt>Process notes</dt><dd>{policy.processNotesYears === null ? 'as long as the rest of the record' : `${policy.processNotesYears} years after the last contact`}</dd>
      </dl>
      {editing && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save policy" busyLabel="Saving…" onCancel={() => setEditing(false)}>
          <div className="grid-2">
            <TextField label="Adults: years after the last contact" hint={`Default ${defaults.adultYears}.`} {...bind('adultYears')} type="number" min={1} max={100} required />
            <TextField label="Children: until this birthday" hint={`Default ${defaults.minorUntilBirthday}.`} {...bind('minorUntilBirthday')} type="number" min={18} max={100} required />
            <TextField label="…or this birthday if 17 when therapy ended" hint={`Default ${defaults.minorUntilBirthdayAt17}.`} {...bind('minorUntilBirthdayAt17')} type="number" min={18} max={100} required />
            <TextField label="Process notes: years after the last contact" optional hint="Leave empty to keep them as long as the rest." {...bind('processNotesYears')} type="number" min={0} max={100} />
          </div>
          <TextArea label="Reason for departing from the default" optional hint="Required whenever a period differs from the default." {...bind('reason')} rows={2} />
        </Form>
      )}
    </Card>
  );
}
