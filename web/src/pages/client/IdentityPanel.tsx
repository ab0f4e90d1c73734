import { useState } from 'react';
import type { ClientSummary } from '../../api.js';
import { civilDate } from '../../format.js';
import { useSession } from '../../session.js';
import { CaseStatusControl } from './CaseStatusControl.js';
import { ChangePractitioner } from './ChangePractitioner.js';
import { EditIdentityForm } from './EditIdentityForm.js';
import './record.css';

const ROWS: { key: keyof ClientSummary['identity']; label: string }[] = [
  { key: 'pronouns', label: 'Pronouns' },
  { key: 'dob', label: 'Date of birth' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'address', label: 'Address' },
  { key: 'gp', label: 'GP' },
  { key: 'emergencyContact', label: 'Emergency contact' },
];

/** Who the client is and how to reach them: administrative, held apart from clinical notes. */
export function IdentityPanel({ client, reload }: { client: ClientSummary; reload?: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const isAdmin = useSession().user.roles.includes('admin');
  const id = client.identity;
  const focusEdit = () => window.setTimeout(() => document.getElementById('identity-edit')?.focus(), 0);
  return (
    <aside className="card identity-card" aria-labelledby="identity-heading">
      <div className="identity-head">
        <h2 id="identity-heading" className="card-title">
          Identity and contact
        </h2>
        {reload && !editing && (
          <button type="button" id="identity-edit" className="btn btn-secondary btn-small" onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
      </div>
      <p className="card-description">Stored apart from clinical notes; the notes refer only to case code <span className="nowrap">{client.caseCode}</span>.</p>
      {editing && reload ? (
        <EditIdentityForm
          clientId={client.id}
          identity={id}
          onDone={async () => {
            setEditing(false);
            await reload();
            focusEdit();
          }}
          onCancel={() => {
            setEditing(false);
            focusEdit();
          }}
        />
      ) : (
        <dl className="identity-list">
          <div>
            <dt>Name</dt>
            <dd>{id.name}</dd>
          </div>
          {ROWS.map(({ key, label }) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd className={id[key] ? undefined : 'muted'}>{id[key] ? (key === 'dob' ? civilDate(id[key]) : id[key]) : 'Not recorded'}</dd>
            </div>
          ))}
        </dl>
      )}
      {reload && !editing && <CaseStatusControl client={client} reload={reload} />}
      {reload && !editing && isAdmin && <ChangePractitioner client={client} reload={reload} />}
    </aside>
  );
}
