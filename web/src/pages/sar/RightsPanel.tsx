import { Card } from '../../components/Card.js';
import { Link } from '../../router.js';
import { DecisionCard } from './DecisionCard.js';
import { ErasureCard } from './ErasureCard.js';
import { OutcomeCard } from './OutcomeCard.js';
import { RectificationCard } from './RectificationCard.js';
import type { SarRequest } from './types.js';

/** The decision for a right other than access, chosen by the request's right, then its outcome. */
export function RightsPanel({ r, onChange, onErased }: { r: SarRequest; onChange: (r: SarRequest) => void; onErased: () => void }) {
  return (
    <>
      {r.right === 'rectification' && <RectificationCard r={r} onDone={onChange} />}
      {r.right === 'erasure' && <ErasureCard r={r} onDone={onChange} onErased={onErased} />}
      {(r.right === 'restriction' || r.right === 'objection') && <DecisionCard r={r} onDone={onChange} />}
      <OutcomeCard r={r} />
    </>
  );
}

/** After an erasure nothing of the case can be read: only what was done, and where the certificate is. */
export function ErasedNotice({ caseCode }: { caseCode: string }) {
  return (
    <Card title="Records destroyed">
      <div className="callout callout-info" data-testid="erased">
        <p>
          <strong>Every record of {caseCode} was securely destroyed.</strong> The client’s keys were destroyed, so no copy can be read again, and the request is complete.
        </p>
        <p>
          The certificate of destruction is listed under <Link to="/retention">Retention</Link>.
        </p>
      </div>
    </Card>
  );
}
