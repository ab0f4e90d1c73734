import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { type Breach, OUTCOME_LABELS } from './types.js';

const FIELDS = ['likelihood', 'severity', 'outcome', 'reasoning', 'factors.nature_extent', 'factors.unauthorised_person', 'factors.acquired_viewed', 'factors.mitigation'] as const;
const FACTORS: Record<string, string> = {
  nature_extent: 'Nature and extent of the information (identifiers, likelihood of re-identification)',
  unauthorised_person: 'Who used or received it',
  acquired_viewed: 'Whether it was actually acquired or viewed',
  mitigation: 'How far the risk has been reduced',
};
const LEVELS = ['low', 'medium', 'high'];

/** Score likelihood × severity as the form does on the server, to show the suggestion as they choose. */
function suggest(regime: string, l: string, s: string, factors: Record<string, string>): string {
  if (regime === 'hipaa') return Object.keys(FACTORS).every((k) => factors[k] === 'low') ? 'low_probability' : 'breach';
  const score = (['remote', 'possible', 'likely'].indexOf(l) + 1) * (['minimal', 'significant', 'severe'].indexOf(s) + 1);
  return score <= 1 ? 'unlikely' : score >= 6 ? 'high_risk' : 'risk';
}

export function AssessmentCard({ breach, onSaved }: { breach: Breach; onSaved: (b: Breach) => void }) {
  const a = breach.assessment;
  const [f, setF] = useState({ likelihood: a?.likelihood ?? '', severity: a?.severity ?? '', reasoning: a?.reasoning ?? '', outcome: a?.outcome ?? '' });
  const [factors, setFactors] = useState<Record<string, string>>(a?.factors ?? {});
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  const hipaa = breach.regime === 'hipaa';
  const suggested = f.likelihood && f.severity ? suggest(breach.regime, f.likelihood, f.severity, factors) : null;
  const outcomes = hipaa ? ['low_probability', 'breach'] : ['unlikely', 'risk', 'high_risk'];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      onSaved(await api.post<Breach>(`/api/breaches/${encodeURIComponent(breach.id)}/assessment`, {
        likelihood: f.likelihood, severity: f.severity, reasoning: f.reasoning, ...(f.outcome ? { outcome: f.outcome } : {}), ...(hipaa ? { factors } : {}),
      }));
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  const description = hipaa
    ? 'HIPAA presumes a breach unless a documented assessment of four factors shows a low probability that the information was compromised (45 CFR §164.402).'
    : 'The regulator must be told within 72 hours unless the breach is unlikely to result in a risk to people (UK GDPR Art. 33); the people affected must be told when the risk is high (Art. 34).';
  return (
    <Card title="Risk assessment" description={description}>
      {a && <p><strong>Recorded:</strong> {OUTCOME_LABELS[a.outcome] ?? a.outcome}. You may revise it while the breach is open.</p>}
      {breach.status === 'open' && (
        <form onSubmit={submit}>
          <div className="grid-2">
            <Field label="How likely is harm to the people affected" error={errors.fields.likelihood}>
              {(p) => (
                <select {...p} name="likelihood" value={f.likelihood} onChange={(e) => setF({ ...f, likelihood: e.target.value })} required>
                  <option value="">Choose…</option>
                  <option value="remote">Remote</option>
                  <option value="possible">Possible</option>
                  <option value="likely">Likely</option>
                </select>
              )}
            </Field>
            <Field label="How severe would it be" error={errors.fields.severity}>
              {(p) => (
                <select {...p} name="severity" value={f.severity} onChange={(e) => setF({ ...f, severity: e.target.value })} required>
                  <option value="">Choose…</option>
                  <option value="minimal">Minimal</option>
                  <option value="significant">Significant</option>
                  <option value="severe">Severe</option>
                </select>
              )}
            </Field>
          </div>
          {hipaa && (
            <fieldset className="plain-fieldset">
              <legend>The four factors</legend>
              <div className="grid-2">
                {Object.entries(FACTORS).map(([k, label]) => (
                  <Field key={k} label={label} error={errors.fields[`factors.${k}`]}>
                    {(p) => (
                      <select {...p} value={factors[k] ?? ''} onChange={(e) => setFactors({ ...factors, [k]: e.target.value })} required>
                        <option value="">Choose…</option>
                        {LEVELS.map((l) => <option key={l} value={l}>{l[0].toUpperCase() + l.slice(1)} risk</option>)}
                      </select>
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          )}
          {suggested && <p data-testid="suggested-outcome">Suggested outcome: <strong>{OUTCOME_LABELS[suggested]}</strong></p>}
          <Field label="Outcome" hint="Leave as suggested unless your reasoning says otherwise." error={errors.fields.outcome}>
            {(p) => (
              <select {...p} name="outcome" value={f.outcome} onChange={(e) => setF({ ...f, outcome: e.target.value })}>
                <option value="">As suggested</option>
                {outcomes.map((o) => <option key={o} value={o}>{OUTCOME_LABELS[o]}</option>)}
              </select>
            )}
          </Field>
          <Field label="Your reasoning" hint="Why you rated it this way: what was exposed, to whom, what protects it. Kept encrypted." error={errors.fields.reasoning}>
            {(p) => <textarea {...p} name="reasoning" rows={4} value={f.reasoning} onChange={(e) => setF({ ...f, reasoning: e.target.value })} required />}
          </Field>
          <FormError message={errors.form} />
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save assessment'}</button>
          </div>
        </form>
      )}
      {breach.status === 'closed' && a && <p className="draft">{a.reasoning}</p>}
    </Card>
  );
}
