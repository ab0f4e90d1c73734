import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ClientSummary, api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { REASSIGN_REASONS, canTakeClients } from '../admin/staff-labels.js';
import type { ClientMove, StaffMember } from '../admin/types.js';

const FIELDS = ['toUserId', 'reason'] as const;

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
  const [busy, setBusy] = useState(false);
  const { errors, clear, fromError, setField } = useFormErrors(FIELDS);
  const eligible = (team ?? []).filter((t) => canTakeClients(t, client.practitionerId));
  const target = eligible.find((t) => t.id === toUserId);
  const holder = team?.find((t) => t.id === client.practitionerId)?.displayName;
  const formRef = useRef<HTMLFormElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shown = team !== null;
  const opened = useRef(false);
  // The button that opened the form is gone once it shows, so focus moves into the form, and back.
  useEffect(() => {
    if (shown) formRef.current?.querySelector<HTMLElement>('select, button')?.focus();
    else if (opened.current) buttonRef.current?.focus();
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
  const ask = (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!target) return setField('toUserId', 'Choose the colleague who will take this client on.');
    setAsking(true);
  };
  const move = async () => {
    setBusy(true);
    try {
      await api.post<ClientMove>(`/api/clients/${encodeURIComponent(client.id)}/reassign`, { toUserId, reason, fromUserId: client.practitionerId ?? undefined });
      setAsking(false);
      if (client.practitionerId === me) {
        announce(`Client ${client.caseCode} moved to ${target?.displayName}. It is no longer in your caseload.`);
        navigate('/');
      } else {
        announce(`Client ${client.caseCode} moved to ${target?.displayName}.`);
        setTeam(null);
        await reload();
      }
    } catch (err) {
      setAsking(false);
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="case-status change-practitioner">
      <h3 className="case-status-title">Practitioner</h3>
      <p className="case-status-text">{client.practitionerId === me ? 'You hold this client.' : holder ? `Held by ${holder}.` : 'Held by a colleague.'}</p>
      {!team ? (
        <>
          <FormError message={errors.form} />
          <button ref={buttonRef} type="button" className="btn btn-secondary" onClick={() => void open()}>
            Change practitioner…
          </button>
        </>
      ) : (
        <form ref={formRef} onSubmit={ask} noValidate aria-label="Change practitioner">
          <FormError message={errors.form} />
          {eligible.length === 0 ? (
            <p className="muted">No other active colleague has the Practitioner role.</p>
          ) : (
            <>
              <Field label="Move this client to" error={errors.fields.toUserId}>
                {(p) => (
                  <select {...p} name="toUserId" value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
                    <option value="">Choose a colleague…</option>
                    {eligible.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.displayName}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Why" error={errors.fields.reason}>
                {(p) => (
                  <select {...p} name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                    {REASSIGN_REASONS.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          <div className="button-row">
            {eligible.length > 0 && (
              <button type="submit" className="btn btn-secondary">
                Move client…
              </button>
            )}
            <button type="button" className="btn btn-quiet" onClick={() => setTeam(null)}>
              Cancel
            </button>
          </div>
        </form>
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
