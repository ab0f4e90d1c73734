import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { type Breach, OUTCOME_LABELS } from './types.js';

const FIELDS = ['likelihood', 'severity', 'outcome', 'reasoning', 'factors.nature_extent', 'factors.unauthorised_person', 'factors.acquired_viewed', 'factors.mitigation'] as const;
const FACTORS: Record<string, string> = {
  nature_extent: 'Nature and extent of the information (identifiers, likelihood of re-identification)',
  unauthorised_person: 'Who used or received it',
  acquired_viewed: 'Whether it was actually acquired or viewed',
  mitigation: 'How far the risk has been reduced',
};
const CHOOSE = { value: '', label: 'Choose…' };
const LIKELIHOODS = [CHOOSE, { value: 'remote', label: 'Remote' }, { value: 'possible', label: 'Possible' }, { value: 'likely', label: 'Likely' }];
const SEVERITIES = [CHOOSE, { value: 'minimal', label: 'Minimal' }, { value: 'significant', label: 'Significant' }, { value: 'severe', label: 'Severe' }];
const LEVELS = [CHOOSE, ...['low', 'medium', 'high'].map((l) => ({ value: l, label: `${l[0].toUpperCase() + l.slice(1)} risk` }))];

/** Score likelihood × severity as the form does on the server, to show the suggestion as they choose. */
function suggest(regime: string, l: string, s: string, factors: Record<string, string>): string {
  if (regime === 'hipaa') return Object.keys(FACTORS).every((k) => factors[k] === 'low') ? 'low_probability' : 'breach';
  const score = (['remote', 'possible', 'likely'].indexOf(l) + 1) * (['minimal', 'significant', 'severe'].indexOf(s) + 1);
  return score <= 1 ? 'unlikely' : score >= 6 ? 'high_risk' : 'risk';
}

export function AssessmentCard({ breach, onSaved }: { breach: Breach; onSaved: (b: Breach) => void }) {
  const a = breach.assessment;
  const [factors, setFactors] = useState<Record<string, string>>(a?.factors ?? {});
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values: f, bind } = useFieldValues({ likelihood: a?.likelihood ?? '', severity: a?.severity ?? '', reasoning: a?.reasoning ?? '', outcome: a?.outcome ?? '' }, errors.fields);
  const hipaa = breach.regime === 'hipaa';
  const suggested = f.likelihood && f.severity ? suggest(breach.regime, f.likelihood, f.severity, factors) : null;
  const outcomes = hipaa ? ['low_probability', 'breach'] : ['unlikely', 'risk', 'high_risk'];
  const body = { likelihood: f.likelihood, severity: f.severity, reasoning: f.reasoning, ...(f.outcome ? { outcome: f.outcome } : {}), ...(hipaa ? { factors } : {}) };
  const submit = async () => {
    await run(async () => onSaved(await api.post<Breach>(`/api/breaches/${encodeURIComponent(breach.id)}/assessment`, body)));
  };
  const description = hipaa
    ? 'HIPAA presumes a breach unless a documented assessment of four factors shows a low probability that the information was compromised (45 CFR §164.402).'
    : 'The regulator must be told within 72 hours unless the breach is unlikely to result in a risk to people (UK GDPR Art. 33); the people affected must be told when the risk is high (Art. 34).';
  return (
    <Card title="Risk assessment" description={description}>
      {a && <p><strong>Recorded:</strong> {OUTCOME_LABELS[a.outcome] ?? a.outcome}. You may revise it while the breach is open.</p>}
      {breach.status === 'open' && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Save assessment" busyLabel="Saving…">
          <div className="grid-2">
            <SelectField label="How likely is harm to the people affected" {...bind('likelihood')} options={LIKELIHOODS} required />
            <SelectField label="How severe would it be" {...bind('severity')} options={SEVERITIES} required />
          </div>
          {hipaa && (
            <fieldset className="plain-fieldset">
              <legend>The four factors</legend>
              <div className="grid-2">
                {Object.entries(FACTORS).map(([k, label]) => (
                  <SelectField
                    key={k}
                    label={label}
                    name={`factors.${k}`}
                    value={factors[k] ?? ''}
                    onChange={(v) => setFactors({ ...factors, [k]: v })}
                    error={errors.fields[`factors.${k}`]}
                    options={LEVELS}
                    required
                  />
                ))}
              </div>
            </fieldset>
          )}
          {suggested && <p data-testid="suggested-outcome">Suggested outcome: <strong>{OUTCOME_LABELS[suggested]}</strong></p>}
          <SelectField label="Outcome" hint="Leave as suggested unless your reasoning says otherwise." {...bind('outcome')} options={[{ value: '', label: 'As suggested' }, ...outcomes.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]} />
          <TextArea label="Your reasoning" hint="Why you rated it this way: what was exposed, to whom, what protects it. Kept encrypted." {...bind('reasoning')} rows={4} required />
        </Form>
      )}
      {breach.status === 'closed' && a && <p className="draft">{a.reasoning}</p>}
    </Card>
  );
}
