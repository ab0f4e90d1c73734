import { useState } from 'react';
import { type ClientSummary, api, messageOf } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { civilDate } from '../../format.js';

/**
 * Closing a case is the moment that matters for retention: the keeping period counts from the
 * last contact, and the record becomes due for secure disposal when it ends. So the question
 * says so before it is asked, and reopening (work resumes) is always possible.
 */
export function CaseStatusControl({ client, reload }: { client: ClientSummary; reload: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const closing = client.status === 'open';

  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/clients/${encodeURIComponent(client.id)}/status`, { status: closing ? 'closed' : 'open' });
      setAsking(false);
      announce(closing ? 'Case closed. The retention period has started.' : 'Case reopened.');
      await reload();
      window.setTimeout(() => document.getElementById('case-status-heading')?.focus(), 0);
    } catch (err) {
      setAsking(false);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="case-status">
      <h3 id="case-status-heading" className="case-status-title" tabIndex={-1}>
        Case status
      </h3>
      <p className="case-status-text">
        {closing ? 'Open: sessions and notes are being added.' : `Closed${client.closedAt ? ` on ${civilDate(client.closedAt)}` : ''}. The retention period is running.`}
      </p>
      <FormError message={error} />
      <button type="button" className="btn btn-secondary" onClick={() => setAsking(true)}>
        {closing ? 'Close case…' : 'Reopen case'}
      </button>
      <ConfirmDialog
        open={asking}
        title={closing ? 'Close this case?' : 'Reopen this case?'}
        confirmLabel={closing ? 'Close case' : 'Reopen case'}
        busy={busy}
        onConfirm={() => void change()}
        onCancel={() => setAsking(false)}
      >
        {closing ? (
          <>
            <p>
              Closing starts the retention clock. The record is kept for the period your practice&apos;s retention policy sets, counted from the last session
              (or from today if there were none), and then becomes due for secure disposal.
            </p>
            <p>Nothing is deleted now, and the record keeps every protection. If work resumes, reopen the case.</p>
          </>
        ) : (
          <p>Reopening stops the retention clock until the case is closed again. Use it when work with this client resumes.</p>
        )}
      </ConfirmDialog>
    </div>
  );
}
