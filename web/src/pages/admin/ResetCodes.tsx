import { useEffect, useRef } from 'react';
import { Card } from '../../components/Card.js';

/** After a second-factor reset: the new recovery codes, shown once, like a new colleague's. */
export function ResetCodes({ name, codes, onDone }: { name: string; codes: string[]; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const h = ref.current?.querySelector<HTMLElement>('h2');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
  }, []);
  return (
    <div ref={ref}>
      <Card title={`New recovery codes for ${name}`} className="codes-card">
        <div className="callout callout-warning">
          <p>
            <strong>These codes are shown only now.</strong> Print them and hand them to {name} in person. Do not email or message them. Their old codes no longer work.
          </p>
          <p>At their next sign-in, {name} enters their password and then sets up their authenticator again, exactly as on their first day.</p>
        </div>
        <ol className="recovery-codes" data-testid="reset-recovery-codes">
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
