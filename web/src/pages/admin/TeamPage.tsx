import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { forgetStaffNames } from '../../components/useStaffNames.js';
import { AddColleagueForm } from './AddColleagueForm.js';
import { NewColleagueCodes } from './NewColleagueCodes.js';
import { ROLE_LABELS, type StaffMember } from './types.js';
import './admin.css';

/** The practice's staff, for admins: who signs in, in which roles, and whether they are set up. */
export function TeamPage() {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<{ displayName: string; recoveryCodes: string[] } | null>(null);
  const announce = useAnnounce();

  const load = useCallback(async () => {
    try {
      setStaff(await api.get<StaffMember[]>('/api/users'));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 403 ? "Only the practice's admins can see and change the team. Ask one of them if a colleague needs adding." : messageOf(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <div className="page">
      <PageHeader title="Team" lead="Everyone who signs in to this practice. Admins add colleagues here; each sets up their own second factor.">
        {!adding && !added && staff && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Add a colleague
          </button>
        )}
      </PageHeader>
      {adding && (
        <AddColleagueForm
          onCancel={() => setAdding(false)}
          onDone={(a) => {
            setAdding(false);
            setAdded(a);
            forgetStaffNames();
            announce(`${a.displayName} added.`);
            void load();
          }}
        />
      )}
      {added && <NewColleagueCodes name={added.displayName} codes={added.recoveryCodes} onDone={() => setAdded(null)} />}
      <FormError message={error} />
      {!staff && !error && <Loading label="Loading the team…" />}
      {staff && (
        <div className="table-wrap">
          <table className="table" data-testid="team">
            <caption className="visually-hidden">Team members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Second factor</th>
                <th scope="col">Sign-in</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.displayName}</th>
                  <td className="break">{s.email}</td>
                  <td>{s.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
                  <td>
                    <span className={`badge ${s.secondFactor ? 'badge-outcome-ok' : 'badge-draft'}`}>{s.secondFactor ? 'Set up' : 'Not yet'}</span>
                  </td>
                  <td>{s.locked ? <span className="badge badge-outcome-failed">Locked for now</span> : 'Can sign in'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
