import { type ClientSummary, api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useConfirm } from '../../components/useConfirm.js';
import { civilDate } from '../../format.js';

/**
 * Closing a case is the moment that matters for retention: the keeping period counts from the
 * last contact, and the record becomes due for secure disposal when it ends. So the question
 * says so before it is asked, and reopening (work resumes) is always possible.
 */
export function CaseStatusControl({ client, reload }: { client: ClientSummary; reload: () => Promise<void> }) {
  const { asking, ask, cancel, busy, error, confirm } = useConfirm();
  const announce = useAnnounce();
  const closing = client.status === 'open';

  const change = () =>
    confirm(
      () => api.post(`/api/clients/${encodeURIComponent(client.id)}/status`, { status: closing ? 'closed' : 'open' }),
      async () => {
        announce(closing ? 'Case closed. The retention period has started.' : 'Case reopened.');
        await reload();
        window.setTimeout(() => document.getElementById('case-status-heading')?.focus(), 0);
      },
    );

  return (
    <div className="case-status">
      <h3 id="case-status-heading" className="case-status-title" tabIndex={-1}>
        Case status
      </h3>
      <p className="case-status-text">
        {closing ? 'Open: sessions and notes are being added.' : `Closed${client.closedAt ? ` on ${civilDate(client.closedAt)}` : ''}. The retention period is running.`}
      </p>
      <FormError message={error} />
      <button type="button" className="btn btn-secondary" onClick={ask}>
        {closing ? 'Close case…' : 'Reopen case'}
      </button>
      <ConfirmDialog
        open={asking}
        title={closing ? 'Close this case?' : 'Reopen this case?'}
        confirmLabel={closing ? 'Close case' : 'Reopen case'}
        busy={busy}
        onConfirm={() => void change()}
        onCancel={cancel}
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
