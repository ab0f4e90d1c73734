import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { useLoad } from '../../components/useLoad.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AdminTabs } from './AdminTabs.js';
import { useAnnounce } from '../../components/Status.js';
import { forgetStaffNames } from '../../components/useStaffNames.js';
import { useSession } from '../../session.js';
import { AddColleagueForm } from './AddColleagueForm.js';
import { ManageColleague } from './ManageColleague.js';
import { NeedsReview } from './NeedsReview.js';
import { NewColleagueCodes } from './NewColleagueCodes.js';
import { ResetCodes } from './ResetCodes.js';
import { TemporaryPassword } from './TemporaryPassword.js';
import { Caseload, StaffStatus } from './StaffStatus.js';
import { type PasswordReset, ROLE_LABELS, type StaffMember } from './types.js';
import './admin.css';

const NOT_ADMIN = "Only the practice's admins can see and change the team. Ask one of them if a colleague needs adding.";
const loadTeam = () =>
  api.get<StaffMember[]>('/api/users').catch((err: unknown) => {
    throw err instanceof ApiError && err.status === 403 ? new ApiError(403, err.code, NOT_ADMIN) : err;
  });

const focusManageButton = (id: string) => window.setTimeout(() => document.querySelector<HTMLElement>(`[data-manage="${CSS.escape(id)}"]`)?.focus(), 0);

/** The practice's staff, for admins: who signs in, in which roles, whether they can, and what they hold. */
export function TeamPage() {
  const { data: staff, error, setData: setStaff, reload: load } = useLoad(loadTeam, []);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<{ displayName: string; recoveryCodes: string[] } | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const [reset, setReset] = useState<{ id: string; displayName: string; recoveryCodes: string[] } | null>(null);
  const [passwordReset, setPasswordReset] = useState<(PasswordReset & { displayName: string }) | null>(null);
  const announce = useAnnounce();
  const me = useSession().user.id;
  const managed = staff?.find((s) => s.id === managing) ?? null;
  const closeManage = () => {
    if (managing) focusManageButton(managing);
    setManaging(null);
  };

  return (
    <div className="page">
      <PageHeader title="Team" lead="Everyone who signs in to this practice. Admins add colleagues here, change their roles, unlock, reset or disable their accounts, and move clients between practitioners; each colleague sets up their own second factor.">
        {!adding && !added && !reset && !passwordReset && staff && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setManaging(null);
              setAdding(true);
            }}
          >
            Add a colleague
          </button>
        )}
      </PageHeader>
      <AdminTabs current="team" />
      {adding && (
        <AddColleagueForm
          onCancel={() => setAdding(false)}
          onDone={(a) => {
            setAdding(false);
            setAdded(a);
            forgetStaffNames();
            announce(`${a.displayName} added.`);
            load();
          }}
        />
      )}
      {added && <NewColleagueCodes name={added.displayName} codes={added.recoveryCodes} onDone={() => setAdded(null)} />}
      {reset && (
        <ResetCodes
          name={reset.displayName}
          codes={reset.recoveryCodes}
          onDone={() => {
            focusManageButton(reset.id);
            setReset(null);
          }}
        />
      )}
      {passwordReset && (
        <TemporaryPassword
          name={passwordReset.displayName}
          password={passwordReset.temporaryPassword}
          expiresAt={passwordReset.expiresAt}
          secondFactor={passwordReset.secondFactor}
          onDone={() => {
            focusManageButton(passwordReset.userId);
            setPasswordReset(null);
          }}
        />
      )}
      {managed && !reset && !passwordReset && (
        <ManageColleague
          member={managed}
          team={staff ?? []}
          isSelf={managed.id === me}
          onClose={closeManage}
          onChanged={(m, said) => {
            setStaff((list) => list?.map((x) => (x.id === m.id ? m : x)) ?? null);
            forgetStaffNames();
            announce(said);
            load();
          }}
          onPasswordReset={(r) => {
            setManaging(null);
            setPasswordReset({ ...r, displayName: managed.displayName });
            announce(`${managed.displayName}'s password was reset; ${r.sessionsEnded === 1 ? '1 session' : `${r.sessionsEnded} sessions`} ended.`);
            load();
          }}
          onMoved={(said) => {
            announce(said);
            load();
          }}
          onReset={(r) => {
            setManaging(null);
            setReset({ id: r.userId, displayName: managed.displayName, recoveryCodes: r.recoveryCodes });
            announce(`${managed.displayName}'s second factor was reset; ${r.sessionsEnded === 1 ? '1 session' : `${r.sessionsEnded} sessions`} ended.`);
            load();
          }}
        />
      )}
      {staff && <NeedsReview me={me} refresh={staff} />}
      <DataTable
        rows={staff}
        error={error}
        loadingLabel="Loading the team…"
        empty={null}
        testId="team"
        caption="Team members"
        columns={['Name', 'Email', 'Roles', 'Status', 'Clients', <span className="visually-hidden">Actions</span>]}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ className: managing === s.id ? 'row-managed' : s.status === 'disabled' ? 'row-disabled' : undefined })}
        cells={(s) => (
          <>
            <th scope="row">
              {s.displayName}
              {s.id === me && <span className="status-detail">You</span>}
            </th>
            <td className="break">{s.email}</td>
            <td>{s.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
            <td className="staff-status">
              <StaffStatus member={s} />
            </td>
            <td>
              <Caseload member={s} />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                data-manage={s.id}
                aria-expanded={managing === s.id}
                onClick={() => {
                  setAdding(false);
                  setManaging(managing === s.id ? null : s.id);
                }}
              >
                Manage<span className="visually-hidden"> {s.displayName}</span>
              </button>
            </td>
          </>
        )}
      />
    </div>
  );
}
