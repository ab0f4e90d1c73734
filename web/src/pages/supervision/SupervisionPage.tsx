import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate } from '../../format.js';
import { SharedList } from './SharedList.js';
import { SupervisionNotes } from './SupervisionNotes.js';
import type { SharedItem, Supervisee } from './types.js';
import './supervision.css';

/** A supervisor's page: whom they supervise, what was shared with them (anonymised), and their own notes. */
export function SupervisionPage() {
  const supervisees = useLoad(() => api.get<Supervisee[]>('/api/supervision/supervisees'), []);
  const shared = useLoad(() => api.get<SharedItem[]>('/api/supervision/shared'), []);
  return (
    <div className="page">
      <PageHeader
        title="Supervision"
        lead="The people you supervise, and the material they chose to share with you after taking out what identifies their clients. You never see a client’s record from here."
      />
      <Card title="Your supervisees">
        <DataTable
          rows={supervisees.data}
          error={supervisees.error}
          loadingLabel="Loading your supervisees…"
          empty="Nobody is in supervision with you at the moment. A clinical lead or the practice admin records supervision arrangements."
          columns={['Name', 'Supervised since']}
          caption="Your supervisees"
          testId="supervisees"
          rowKey={(s) => s.id}
          cells={(s) => (
            <>
              <td>{s.name}</td>
              <td>{civilDate(s.since)}</td>
            </>
          )}
        />
      </Card>
      <SharedList items={shared.data} error={shared.error} />
      {supervisees.data && supervisees.data.length > 0 && <SupervisionNotes supervisees={supervisees.data} />}
    </div>
  );
}
