import { useEffect, useRef, useState } from 'react';
import { type ClientSummary, api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useSubmit } from '../../components/useSubmit.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { REASSIGN_REASONS, canTakeClients } from '../admin/staff-labels.js';
import type { ClientMove, StaffMember } from '../admin/types.js';

const FIELDS = ['toUserId', 'reason'] as const;
const REASONS = REASSIGN_REASONS.map((r) => ({ value: r.id, label: r.label }));

/**
 * For admins: hand this client's care to a colleague. The admin sees this page only for a client
 * they hold themselves, so after the move the record leaves their caseload and they go back to it.
 */
export function ChangePractitioner({ client, reload }: { client: ClientSummary; reload: () => Promise<void> }) {
  const me = useSession().user.id;
  const announce = useAnnounce();
  const [team, setTeam] = useState<StaffMember[] | null>(null);
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState<string>(REASSIGN_REASONS[1].id);
  const [asking, setAsking] = useState(false);
  const { errors, busy, run, clear, fromError, setField } = useSubmit(FIELDS);
  const eligible = (team ?? []).filter((t) => canTakeClients(t, client.practitionerId));
  const target = eligible.find((t) => t.id === toUserId);
  const holder = team?.find((t) => t.id === client.practitionerId)?.displayName;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shown = team !== null;
  const opened = useRef(false);
  // The button that opened the form is gone once it shows (the form's first control takes focus), so focus comes back to it after.
  useEffect(() => {
    if (!shown && opened.current) buttonRef.current?.focus();
    opened.current = shown;
  }, [shown]);

  const open = async () => {
    clear();
    try {
      setTeam(await api.get<StaffMember[]>('/api/users'));
    } catch (err) {
      fromError(err);
    }
  };
  const ask = () => {
    clear();
    if (!target) return setField('toUserId', 'Choose the colleague who will take this client on.');
    setAsking(true);
  };
  const move = () =>
    run(async () => {
      try {
        await api.post<ClientMove>(`/api/clients/${encodeURIComponent(client.id)}/reassign`, { toUserId, reason, fromUserId: client.practitionerId ?? undefined });
      } finally {
        setAsking(false);
      }
      if (client.practitionerId === me) {
        announce(`Client ${client.caseCode} moved to ${target?.displayName}. It is no longer in your caseload.`);
        navigate('/');
      } else {
        announce(`Client ${client.caseCode} moved to ${target?.displayName}.`);
        setTeam(null);
        await reload();
      }
    });
  const cancel = () => setTeam(null);
  return (
    <div className="case-status change-practitioner">
      <h3 className="case-status-title">Practitioner</h3>
      <p className="case-status-text">{client.practitionerId === me ? 'You hold this client.' : holder ? `Held by ${holder}.` : 'Held by a colleague.'}</p>
      {!team && (
        <>
          <FormError message={errors.form} />
          <button ref={buttonRef} type="button" className="btn btn-secondary" onClick={() => void open()}>
            Change practitioner…
          </button>
        </>
      )}
      {team && eligible.length === 0 && (
        <>
          <p className="muted">No other active colleague has the Practitioner role.</p>
          <button type="button" className="btn btn-quiet" onClick={cancel} autoFocus>
            Cancel
          </button>
        </>
      )}
      {team && eligible.length > 0 && (
        <Form onSubmit={ask} error={errors.form} busy={busy} submitLabel="Move client…" submitClassName="btn btn-secondary" busyLabel="Move client…" onCancel={cancel} aria-label="Change practitioner">
          <SelectField label="Move this client to" name="toUserId" options={[{ value: '', label: 'Choose a colleague…' }, ...eligible.map((t) => ({ value: t.id, label: t.displayName }))]} value={toUserId} onChange={setToUserId} error={errors.fields.toUserId} autoFocus />
          <SelectField label="Why" name="reason" options={REASONS} value={reason} onChange={setReason} error={errors.fields.reason} />
        </Form>
      )}
      <ConfirmDialog open={asking} title={`Move this client to ${target?.displayName ?? ''}?`} confirmLabel="Move client" busy={busy} onConfirm={() => void move()} onCancel={() => setAsking(false)}>
        <p>
          {target?.displayName} will hold case {client.caseCode} and see the full record, every note included.
          {client.practitionerId === me ? ' You will no longer be able to open it, and Sanctum takes you back to your caseload.' : ''}
        </p>
        <p>The move is written to the audit log under your account, with the reason.</p>
      </ConfirmDialog>
    </div>
  );
}
