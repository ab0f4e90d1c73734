import { api } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/useLoad.js';
import { AgreementCard } from './AgreementCard.js';
import { CapacityCard } from './CapacityCard.js';
import { ConsentsCard } from './ConsentsCard.js';
import { WarningList } from './ContractWarnings.js';
import { YoungPersonCard } from './YoungPersonCard.js';
import { type ConsentStatus, consentPath } from './types.js';
import './consent.css';

/** The Consent tab on a client's record: contracting, consents, capacity and, for under-18s, the young person's section. */
export function ConsentTab({ clientId }: { clientId: string }) {
  // The cards wait for the fresh status after they write (refresh, not reload).
  const { data: status, error, refresh: load } = useLoad(() => api.get<ConsentStatus>(consentPath(clientId)), [clientId]);

  if (error) return <FormError message={error} />;
  if (!status) return <Loading label="Loading consent…" />;
  return (
    <div className="consent-tab">
      <WarningList warnings={status.warnings} />
      <AgreementCard clientId={clientId} status={status} reload={load} />
      <ConsentsCard clientId={clientId} status={status} reload={load} />
      {status.youngPerson.applies && <YoungPersonCard clientId={clientId} status={status} reload={load} />}
      <CapacityCard clientId={clientId} status={status} reload={load} />
    </div>
  );
}
