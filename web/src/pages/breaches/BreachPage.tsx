import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useSubmit } from '../../components/useSubmit.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate, instant } from '../../format.js';
import { Link } from '../../router.js';
import { AssessmentCard } from './AssessmentCard.js';
import { NotifyCard } from './NotifyCard.js';
import { AUDIENCE_LABELS, type Breach, type BreachClock, CATEGORY_LABELS, KIND_LABELS, STATE_LABELS, hoursWords } from './types.js';
import './breaches.css';

function ClockItem({ c }: { c: BreachClock }) {
  const when = c.hoursLeft !== null && (c.state === 'running' || c.state === 'overdue') ? hoursWords(c.hoursLeft) : STATE_LABELS[c.state];
  return (
    <li className={`clock clock-${c.state}`} data-testid={`clock-${c.audience}`}>
      <span>
        <strong>{AUDIENCE_LABELS[c.audience]}</strong>
        <br />
        <span className="muted">{c.basis}</span>
      </span>
      <span>
        <span className="clock-when">{when}</span>
        <br />
        <span className="muted">due {c.due.length > 10 ? instant(c.due) : civilDate(c.due)}</span>
      </span>
    </li>
  );
}

export function BreachPage({ breachId }: { breachId: string }) {
  const base = `/api/breaches/${encodeURIComponent(breachId)}`;
  const { data: b, error, setData: setB } = useLoad(() => api.get<Breach>(base), [base]);
  const [step, setStep] = useState('');
  const stepForm = useSubmit(['text']);
  const [closeError, setCloseError] = useState<string | null>(null);
  const announce = useAnnounce();
  if (!b) return <div className="page"><FormError message={error} />{!error && <Loading label="Loading the breach…" />}</div>;

  const saved = (next: Breach, message = 'Saved.') => {
    setB(next);
    announce(message);
  };
  const addStep = async () => {
    if (!step.trim()) return stepForm.setField('text', 'Describe the step taken.');
    await stepForm.run(async () => {
      saved(await api.post<Breach>(`${base}/containment`, { at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), text: step }), 'Containment step recorded.');
      setStep('');
    });
  };
  const close = async () => {
    setCloseError(null);
    try {
      saved(await api.post<Breach>(`${base}/close`), 'Breach closed.');
    } catch (err) {
      setCloseError(messageOf(err));
    }
  };
  const overdue = b.clocks.filter((c) => c.state === 'overdue');
  return (
    <div className="page">
      <PageHeader title={`Breach ${b.reference}`} lead={`${KIND_LABELS[b.kind] ?? b.kind} · ${b.status === 'open' ? 'open' : `closed ${instant(b.closedAt)}`}`}>
        <Link className="btn btn-secondary" to="/breaches">All breaches</Link>
      </PageHeader>
      {b.status === 'open' && overdue.length > 0 && (
        <p className="overdue-loud" role="alert">Overdue: {overdue.map((c) => AUDIENCE_LABELS[c.audience].toLowerCase()).join(' and ')} should already have been told. Notify now, with the reasons for the delay.</p>
      )}
      <Card title="Clocks" description="Computed from when the practice became aware, in the practice's law.">
        <ul className="clock-list">{b.clocks.map((c) => <ClockItem key={c.audience} c={c} />)}</ul>
      </Card>
      <Card title="What happened">
        <dl className="fact-list">
          <dt>Happened</dt><dd>{instant(b.occurredAt)}</dd>
          <dt>Became aware</dt><dd>{instant(b.discoveredAt)}</dd>
          <dt>Reported by</dt><dd>{b.reportedBy}</dd>
          <dt>Information</dt><dd>{b.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ')}</dd>
          <dt>People affected</dt><dd data-testid="affected-count">{b.affectedCount}</dd>
          {b.auditSeq !== null && <><dt>Found in</dt><dd>Audit log entry {b.auditSeq}</dd></>}
        </dl>
        <p className="draft">{b.summary}</p>
        {b.affected.length > 0 && <p className="muted">Cases: {b.affected.map((a) => a.caseCode).join(', ')}</p>}
        <h3>Containment</h3>
        {b.containment.length === 0 ? <p className="muted">No steps recorded yet.</p> : (
          <ol>{b.containment.map((s) => <li key={s.id}><span className="nowrap">{instant(s.at)}</span>: {s.text}</li>)}</ol>
        )}
        {b.status === 'open' && (
          <Form onSubmit={addStep} className="inline-form" error={stepForm.errors.form} busy={stepForm.busy} submitLabel="Add step" busyLabel="Adding…" submitClassName="btn btn-secondary">
            <TextField label="Add a step taken now" name="text" value={step} onChange={setStep} error={stepForm.errors.fields.text} maxLength={5000} />
          </Form>
        )}
      </Card>
      <AssessmentCard breach={b} onSaved={(n) => saved(n, 'Risk assessment saved.')} />
      <NotifyCard breach={b} onSaved={(n) => saved(n, 'Notification recorded.')} />
      {b.status === 'open' && (
        <Card title="Close the breach" description="Closing needs a risk assessment and, for every notice the law requires, a record that it was sent or a reasoned decision not to send it.">
          <FormError message={closeError} />
          <div className="button-row"><button type="button" className="btn btn-primary" onClick={() => void close()}>Close breach</button></div>
        </Card>
      )}
    </div>
  );
}
