import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { type ContractWarning, consentPath } from './types.js';

/** Warnings as a list of callouts; "warn" ones first. */
export function WarningList({ warnings }: { warnings: ContractWarning[] }) {
  if (!warnings.length) return null;
  return (
    <ul className="warning-list" aria-label="Contracting warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`} className={w.severity === 'warn' ? 'callout callout-warning' : 'alert alert-info'} data-code={w.code}>
          {w.severity === 'warn' && <strong>Before you go on: </strong>}
          {w.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The contracting warnings for one client, loaded on their own: used on the add-session form so
 * nobody records a second session without seeing that the agreement is unsigned.
 */
export function ContractWarnings({ clientId, only = 'warn' }: { clientId: string; only?: 'warn' | 'all' }) {
  // A warning that cannot be loaded is left out: the form it sits on still works.
  const { data } = useLoad(() => api.get<ContractWarning[]>(consentPath(clientId, '/warnings')), [clientId]);
  return <WarningList warnings={(data ?? []).filter((w) => only === 'all' || w.severity === 'warn')} />;
}
