import type { ClientSummary } from '../../api.js';
import { civilDate } from '../../format.js';

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
export function IdentityPanel({ client }: { client: ClientSummary }) {
  const id = client.identity;
  return (
    <aside className="card identity-card" aria-labelledby="identity-heading">
      <h2 id="identity-heading" className="card-title">
        Identity and contact
      </h2>
      <p className="card-description">Stored apart from clinical notes; the notes refer only to case code <span className="nowrap">{client.caseCode}</span>.</p>
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
    </aside>
  );
}
