import { useEffect, useRef } from 'react';
import { Card } from '../../components/Card.js';

/**
 * The colleague's recovery codes exist in plain form only in this answer from the server, so
 * they are shown once, with the instruction that they travel by hand, not by email or message.
 */
export function NewColleagueCodes({ name, codes, onDone }: { name: string; codes: string[]; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const h = ref.current?.querySelector<HTMLElement>('h2');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
  }, []);
  return (
    <div ref={ref}>
      <Card title={`Recovery codes for ${name}`} className="codes-card">
        <div className="callout callout-warning">
          <p>
            <strong>These codes are shown only now.</strong> Print them and hand them to {name} in person, together with their first password. Do not email or
            message them.
          </p>
          <p>Each code lets {name} sign in once if they lose the phone that holds their second factor. They set that up the first time they sign in.</p>
        </div>
        <ol className="recovery-codes" data-testid="new-recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="btn btn-primary" onClick={onDone}>
            I have handed them over
          </button>
        </div>
      </Card>
    </div>
  );
}
