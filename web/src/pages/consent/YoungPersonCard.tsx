import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import { YesNo } from './ChoicesFields.js';
import { type ConsentStatus, consentPath } from './types.js';

/** For a client under 18: who holds parental responsibility, and whether they can consent for themselves. */
export function YoungPersonCard({ clientId, status, reload }: { clientId: string; status: ConsentStatus; reload: () => Promise<void> }) {
  const y = status.youngPerson;
  return (
    <Card title="Young person" description={`The client is ${y.age}. Their date of birth decides which rules apply.`}>
      <h3>Competence to consent</h3>
      {y.competence.length === 0 ? <p className="muted">No assessment recorded.</p> : (
        <ul>{[...y.competence].reverse().map((c) => <li key={c.id}><strong>{c.label}: {c.competent ? 'competent' : 'not competent'}</strong> at {c.age}, {instant(c.assessedAt)} — {c.reasons}</li>)}</ul>
      )}
      <CompetenceForm clientId={clientId} frameworks={y.frameworks} reload={reload} />
      <h3>Parental responsibility</h3>
      {y.parents.filter((p) => !p.endedAt).length === 0 ? <p className="muted">Nobody recorded.</p> : (
        <ul>{y.parents.filter((p) => !p.endedAt).map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> ({p.relationship}){p.phone && <>, {p.phone}</>}{p.email && <>, {p.email}</>}{' '}
            <button type="button" className="btn btn-link" onClick={() => void api.post(consentPath(clientId, `/parents/${p.id}/end`)).then(reload)} aria-label={`${p.name} no longer holds parental responsibility`}>No longer holds it</button>
          </li>
        ))}</ul>
      )}
      <ParentForm clientId={clientId} reload={reload} />
    </Card>
  );
}

const COMPETENCE_FIELDS = ['framework', 'competent', 'reasons'] as const;

function CompetenceForm({ clientId, frameworks, reload }: { clientId: string; frameworks: { id: string; label: string; source: string }[]; reload: () => Promise<void> }) {
  const [framework, setFramework] = useState(frameworks[0]?.id ?? '');
  const [competent, setCompetent] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const { errors, busy, run, setField } = useSubmit(COMPETENCE_FIELDS);
  const source = frameworks.find((f) => f.id === framework)?.source;
  const submit = async () => {
    if (competent === null) return setField('competent', 'Choose yes or no.');
    await run(async () => {
      await api.post(consentPath(clientId, '/competence'), { framework, competent, reasons });
      setCompetent(null);
      setReasons('');
      await reload();
    });
  };
  return (
    <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record competence" submitClassName="btn btn-secondary" busyLabel="Recording…" aria-label="Record competence">
      <SelectField label="Test applied" hint={source} name="framework" options={frameworks.map((f) => ({ value: f.id, label: f.label }))} value={framework} onChange={setFramework} error={errors.fields.framework} />
      <YesNo name="competent" legend="Competent to consent for themselves?" value={competent} onChange={setCompetent} error={errors.fields.competent} />
      <TextArea label="Reasons for your judgement" name="reasons" value={reasons} onChange={setReasons} error={errors.fields.reasons} rows={3} />
    </Form>
  );
}

const PARENT_FIELDS = ['name', 'relationship', 'phone', 'email'] as const;
const NO_PARENT = { name: '', relationship: '', phone: '', email: '' };

function ParentForm({ clientId, reload }: { clientId: string; reload: () => Promise<void> }) {
  const { errors, busy, run } = useSubmit(PARENT_FIELDS);
  const { values, setValues, bind } = useFieldValues(NO_PARENT, errors.fields);
  const submit = () =>
    run(async () => {
      await api.post(consentPath(clientId, '/parents'), { name: values.name, relationship: values.relationship, ...(values.phone ? { phone: values.phone } : {}), ...(values.email ? { email: values.email } : {}) });
      setValues(NO_PARENT);
      await reload();
    });
  return (
    <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Add person with parental responsibility" submitClassName="btn btn-secondary" busyLabel="Adding…" aria-label="Add a person with parental responsibility">
      <div className="grid-2">
        <TextField label="Name" {...bind('name')} />
        <TextField label="Relationship" hint="For example: mother, father, guardian" {...bind('relationship')} />
        <TextField label="Phone" optional {...bind('phone')} type="tel" />
        <TextField label="Email" optional {...bind('email')} type="email" />
      </div>
    </Form>
  );
}
