import { type ReactNode, useEffect, useRef } from 'react';
import { Card } from '../../components/Card.js';
import { CodeList } from '../auth/RecoveryCodes.js';

/**
 * A colleague's recovery codes exist in plain form only in the server's answer that made them, so
 * they are shown once, focused for screen readers, with the instruction (children) that they
 * travel by hand.
 */
export function CodesToHandOver({ title, codes, testId, onDone, children, doneLabel = 'I have handed them over' }: { title: string; codes: string[]; testId: string; onDone: () => void; children: ReactNode; doneLabel?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const h = ref.current?.querySelector<HTMLElement>('h2');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
  }, []);
  return (
    <div ref={ref}>
      <Card title={title} className="codes-card">
        <div className="callout callout-warning">{children}</div>
        {codes.length === 1 ? (
          <p className="temporary-password" data-testid={testId}>
            <code>{codes[0]}</code>
          </p>
        ) : (
          <CodeList codes={codes} testId={testId} />
        )}
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="btn btn-primary" onClick={onDone}>
            {doneLabel}
          </button>
        </div>
      </Card>
    </div>
  );
}
