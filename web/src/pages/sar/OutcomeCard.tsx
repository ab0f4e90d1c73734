import { Card } from '../../components/Card.js';
import { type SarRequest, longDate } from './types.js';

const DECISIONS: Record<string, string> = {
  corrected: 'Corrected', statement_added: 'Statement of disagreement added', refused: 'Refused', erased: 'Erased',
  upheld: 'Upheld', declined: 'Declined',
};

/** The recorded decision on a right other than access: what was decided, why, and what changes. */
export function OutcomeCard({ r }: { r: SarRequest }) {
  const o = r.outcome;
  if (!o) return null;
  const refused = o.decision === 'refused' || o.decision === 'declined';
  return (
    <Card title="Outcome" description={r.closedAt ? `Decided on ${longDate(r.closedAt)}.` : undefined}>
      <dl className="facts" data-testid="outcome">
        <dt>Decision</dt>
        <dd>
          <span className={`badge ${refused ? 'badge-outcome-denied' : 'badge-outcome-ok'}`}>{DECISIONS[o.decision] ?? o.decision}</span>
        </dd>
        <dt>Reasons</dt>
        <dd className="prose-text">{o.reasons}</dd>
        <dt>What changes</dt>
        <dd className="prose-text">{o.effect}</dd>
        {o.retainUntil && (
          <>
            <dt>Kept until</dt>
            <dd>{longDate(o.retainUntil)}</dd>
          </>
        )}
      </dl>
      {o.complaintRoute && (
        <div className="callout callout-info" data-testid="complaint-route">
          <p>
            <strong>The client’s right to complain.</strong> Tell the client, with the reasons: {o.complaintRoute}
          </p>
        </div>
      )}
    </Card>
  );
}
