import { Card } from '../../components/Card.js';
import { civilDate } from '../../format.js';
import { BASIS_WORDS, RECOMMENDATION_LABELS, type RequestView } from './types.js';

/** The triage result: the basis in plain words, the recommendation, every rule with its citation. */
export function TriageCard({ view }: { view: RequestView }) {
  const t = view.triage;
  const basis = BASIS_WORDS[t.basis] ?? { title: t.basis, text: '' };
  return (
    <Card title="Triage" description={`Rules for ${view.triage.packVersion}; the law was last checked on ${civilDate(t.lastChecked)}.`}>
      <div className={`basis basis-${t.basis}`} data-testid="basis">
        <p className="basis-title">{basis.title}</p>
        <p>{basis.text}</p>
        <p><strong>Recommendation:</strong> {RECOMMENDATION_LABELS[t.recommendation] ?? t.recommendation}</p>
      </div>
      {t.mustNotInformClient && (
        <div className="alert alert-error" role="note">Do not tell the client about this request: the law forbids it, or telling them would put someone at risk.</div>
      )}
      {t.consentRecord && <p className="callout">A consent on file covers this request: {t.consentRecord.summary}.</p>}
      <h3>Why</h3>
      <ul className="reason-list">
        {t.reasons.map((r) => (
          <li key={r.rule}>
            <p>{r.text}{!r.applied && <em> (outweighed by a stronger rule)</em>}{r.unsettled && <strong> The law here is unsettled: take legal advice.</strong>}</p>
            <p className="reason-source">Source: {r.source}</p>
            <p className="reason-rule">Rule {r.rule}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
