import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { SelectField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { ReasonSelect } from './ReasonSelect.js';
import { REASSIGN_REASONS, canTakeClients, clientCounts, plural } from './staff-labels.js';
import type { CaseloadMove, StaffMember } from './types.js';

const FIELDS = ['toUserId', 'reason'] as const;

interface Props {
  member: StaffMember;
  team: readonly StaffMember[];
  onMoved: (said: string) => void;
}

/**
 * Hand a colleague's clients to another practitioner in one step: what they hold, who can take
 * it on, why, and a confirmation that names the number. The admin never sees who the clients are.
 */
export function MoveClients({ member: m, team, onMoved }: Props) {
  const eligible = team.filter((t) => canTakeClients(t, m.id));
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState<string>(m.status === 'disabled' ? 'practitioner_left' : REASSIGN_REASONS[0].id);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const count = m.caseload.open + (includeClosed ? m.caseload.closed : 0);
  const target = eligible.find((t) => t.id === toUserId);
  const ask = () => {
    clear();
    setDone(null);
    if (!target) return setField('toUserId', 'Choose the colleague who will take them on.');
    if (count === 0) return setField('toUserId', `${m.displayName} holds no open clients. Tick the box to move the closed ones.`);
    setAsking(true);
  };
  const move = async () => {
    await run(async () => {
      const r = await api.post<CaseloadMove>('/api/caseload/reassign', { fromUserId: m.id, toUserId, reason, includeClosed });
      const moved = r.counts.open + r.counts.closed;
      const said = `Moved ${plural(moved, 'client')} (${clientCounts(r.counts)}) from ${m.displayName} to ${target?.displayName ?? 'the colleague you chose'}.`;
      setAsking(false);
      setDone(r.remaining.closed > 0 ? `${said} ${m.displayName} still holds ${plural(r.remaining.closed, 'closed client')}.` : said);
      setToUserId('');
      setIncludeClosed(false);
      onMoved(said);
    });
    setAsking(false); // after a refusal too, so its message on the form is seen
  };

  const holds = m.caseload.open + m.caseload.closed > 0;
  return (
    <section className="account-action move-clients" aria-labelledby={`move-${m.id}`}>
      <h3 id={`move-${m.id}`} tabIndex={-1}>
        Move clients to a colleague
      </h3>
      {done && (
        <div className="alert alert-info move-done" ref={doneRef} tabIndex={-1}>
          {done}
        </div>
      )}
      <p>
        {m.displayName} holds {clientCounts(m.caseload)}.
        {holds && ' The colleague you choose sees their full records, notes included, from the moment you confirm; ' + m.displayName + ' can no longer open them.'}
      </p>
      {holds && eligible.length === 0 && <p className="muted">No other active colleague has the Practitioner role. Add one, or give a colleague that role, first.</p>}
      {holds && eligible.length > 0 && (
        <Form onSubmit={ask} error={errors.form} busy={busy} submitLabel="Move clients…" busyLabel="Move clients…" submitClassName="btn btn-secondary" aria-label={`Move ${m.displayName}'s clients`}>
          <SelectField
            label="Move them to"
            name="toUserId"
            value={toUserId}
            onChange={setToUserId}
            error={errors.fields.toUserId}
            options={[{ value: '', label: 'Choose a colleague…' }, ...eligible.map((t) => ({ value: t.id, label: `${t.displayName} (${plural(t.caseload.open, 'open client')} now)` }))]}
          />
          {m.caseload.closed > 0 && (
            <CheckboxField
              className="move-closed"
              label={<>Also move the {plural(m.caseload.closed, 'closed client')}</>}
              hint="Someone should hold closed records too, to answer a client's request for them while they are kept."
              checked={includeClosed}
              onChange={setIncludeClosed}
            />
          )}
          <ReasonSelect label="Why" reasons={REASSIGN_REASONS} value={reason} onChange={setReason} error={errors.fields.reason} />
        </Form>
      )}
      <ConfirmDialog open={asking} title={`Move ${plural(count, 'client')} to ${target?.displayName ?? ''}?`} confirmLabel={`Move ${plural(count, 'client')}`} busy={busy} onConfirm={() => void move()} onCancel={() => setAsking(false)}>
        <p>
          {includeClosed ? `All ${plural(count, 'client')} ${m.displayName} holds` : `${m.displayName}'s ${plural(count, 'open client')}`} will be in {target?.displayName}&apos;s caseload, with every note, session and document. {m.displayName} can no longer open them.
        </p>
        <p>Each client's move is written to the audit log under your account, with the reason. To undo it, move the clients back.</p>
      </ConfirmDialog>
    </section>
  );
}
