import { useState } from 'react';
import { type CaseloadEntry, api } from '../../api.js';
import { TextField } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { AddClientForm } from './AddClientForm.js';
import { CaseloadTable } from './CaseloadTable.js';

export function CaseloadPage() {
  const { data: clients, error } = useLoad(() => api.get<CaseloadEntry[]>('/api/clients'), []);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);

  const q = query.trim().toLowerCase();
  const shown = clients && clients.filter((c) => !q || c.name.toLowerCase().includes(q) || c.caseCode.toLowerCase().includes(q));
  const open = (clients ?? []).filter((c) => c.status === 'open').length;

  return (
    <div className="page">
      <PageHeader title="Caseload" lead={clients ? `${open} open ${open === 1 ? 'case' : 'cases'}, ${clients.length} in all.` : undefined}>
        {!adding && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Add client
          </button>
        )}
      </PageHeader>
      {adding && <AddClientForm onCancel={() => setAdding(false)} />}
      <div className="toolbar">
        <TextField label="Search caseload" name="search" className="search" type="search" placeholder="Name or case code" value={query} onChange={setQuery} />
        {clients && q && (
          <p className="result-count" aria-live="polite">
            {shown?.length} of {clients.length} shown
          </p>
        )}
      </div>
      {clients && clients.length === 0 ? (
        <div className="empty">
          <h2>No clients yet</h2>
          <p>Add your first client to open a case. Their contact details and their clinical notes are kept and encrypted separately.</p>
        </div>
      ) : (
        <CaseloadTable clients={shown} error={error} />
      )}
    </div>
  );
}
