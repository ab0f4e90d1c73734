import { type FormEvent, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { instant } from '../../format.js';
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

function CompetenceForm({ clientId, frameworks, reload }: { clientId: string; frameworks: { id: string; label: string; source: string }[]; reload: () => Promise<void> }) {
  const [framework, setFramework] = useState(frameworks[0]?.id ?? '');
  const [competent, setCompetent] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const source = frameworks.find((f) => f.id === framework)?.source;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (competent === null) return setErrors({ competent: 'Choose yes or no.' });
    try {
      await api.post(consentPath(clientId, '/competence'), { framework, competent, reasons });
      setCompetent(null);
      setReasons('');
      setErrors({});
      await reload();
    } catch (err) {
      setErrors(err instanceof ApiError && err.field ? { [err.field]: err.message } : { form: messageOf(err) });
    }
  };
  return (
    <form className="consent-form" onSubmit={submit} noValidate aria-label="Record competence">
      <FormError message={errors.form} />
      <Field label="Test applied" hint={source} error={errors.framework}>
        {(p) => <select {...p} name="framework" value={framework} onChange={(e) => setFramework(e.target.value)}>{frameworks.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}</select>}
      </Field>
      <fieldset className={`choice${errors.competent ? ' field-invalid' : ''}`}>
        <legend>Competent to consent for themselves?</legend>
        {errors.competent && <p className="field-error"><span aria-hidden="true">! </span>{errors.competent}</p>}
        <div className="choice-options">
          <label><input type="radio" name="competent" checked={competent === true} onChange={() => setCompetent(true)} /> Yes</label>
          <label><input type="radio" name="competent" checked={competent === false} onChange={() => setCompetent(false)} /> No</label>
        </div>
      </fieldset>
      <Field label="Reasons for your judgement" error={errors.reasons}>{(p) => <textarea {...p} name="competence-reasons" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />}</Field>
      <div className="button-row"><button type="submit" className="btn btn-secondary">Record competence</button></div>
    </form>
  );
}

function ParentForm({ clientId, reload }: { clientId: string; reload: () => Promise<void> }) {
  const [form, setForm] = useState({ name: '', relationship: '', phone: '', email: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.post(consentPath(clientId, '/parents'), { name: form.name, relationship: form.relationship, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) });
      setForm({ name: '', relationship: '', phone: '', email: '' });
      setErrors({});
      await reload();
    } catch (err) {
      setErrors(err instanceof ApiError && err.field ? { [err.field]: err.message } : { form: messageOf(err) });
    }
  };
  return (
    <form className="consent-form" onSubmit={submit} noValidate aria-label="Add a person with parental responsibility">
      <FormError message={errors.form} />
      <div className="grid-2">
        <Field label="Name" error={errors.name}>{(p) => <input {...p} name="parent-name" value={form.name} onChange={set('name')} />}</Field>
        <Field label="Relationship" hint="For example: mother, father, guardian" error={errors.relationship}>{(p) => <input {...p} name="relationship" value={form.relationship} onChange={set('relationship')} />}</Field>
        <Field label="Phone" optional error={errors.phone}>{(p) => <input {...p} name="parent-phone" type="tel" value={form.phone} onChange={set('phone')} />}</Field>
        <Field label="Email" optional error={errors.email}>{(p) => <input {...p} name="parent-email" type="email" value={form.email} onChange={set('email')} />}</Field>
      </div>
      <div className="button-row"><button type="submit" className="btn btn-secondary">Add person with parental responsibility</button></div>
    </form>
  );
}
