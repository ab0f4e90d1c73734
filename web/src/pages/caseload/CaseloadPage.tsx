import { useCallback, useEffect, useState } from 'react';
import { type CaseloadEntry, api, messageOf } from '../../api.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AddClientForm } from './AddClientForm.js';
import { CaseloadTable } from './CaseloadTable.js';

export function CaseloadPage() {
  const [clients, setClients] = useState<CaseloadEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    api.get<CaseloadEntry[]>('/api/clients').then(setClients, (err) => setError(messageOf(err)));
  }, []);
  useEffect(load, [load]);

  const q = query.trim().toLowerCase();
  const shown = (clients ?? []).filter((c) => !q || c.name.toLowerCase().includes(q) || c.caseCode.toLowerCase().includes(q));
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
      <FormError message={error} />
      <div className="toolbar">
        <div className="search">
          <label htmlFor="caseload-search">Search caseload</label>
          <input id="caseload-search" type="search" placeholder="Name or case code" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {clients && q && (
          <p className="result-count" aria-live="polite">
            {shown.length} of {clients.length} shown
          </p>
        )}
      </div>
      {!clients && !error && <Loading label="Loading your caseload…" />}
      {clients && clients.length === 0 && (
        <div className="empty">
          <h2>No clients yet</h2>
          <p>Add your first client to open a case. Their contact details and their clinical notes are kept and encrypted separately.</p>
        </div>
      )}
      {clients && clients.length > 0 && <CaseloadTable clients={shown} />}
    </div>
  );
}
