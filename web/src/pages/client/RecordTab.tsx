import type { ClientTabContext } from './clientTabs.js';
import { IdentityPanel } from './IdentityPanel.js';
import { NotesPanel } from './notes/NotesPanel.js';

/**
 * Identity and clinical notes side by side but never mixed: each panel receives only its own
 * part of the record, mirroring how the server stores them (separate tables and keys).
 */
export function RecordTab({ clientId, record, reload }: ClientTabContext) {
  return (
    <div className="record-layout">
      <NotesPanel clientId={clientId} notes={record.notes} reload={reload} />
      <IdentityPanel client={record.client} reload={reload} />
    </div>
  );
}
