import { useState } from 'react';
import { type TherapySession, api, messageOf } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { FormCard } from '../../components/FormCard.js';
import { FormError } from '../../components/FormError.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate, todayCivil } from '../../format.js';
import { AddSessionForm, ATTENDANCE, MODALITIES, choicesFor } from './AddSessionForm.js';

export function SessionsTab({ clientId }: { clientId: string }) {
  const { data: sessions, error, refresh } = useLoad(() => api.get<TherapySession[]>(`/api/clients/${encodeURIComponent(clientId)}/sessions`), [clientId]);
  const [markError, setMarkError] = useState<string | null>(null);
  const today = todayCivil();
  // A planned session gets its outcome once the day has come (the server refuses it earlier).
  const mark = async (s: TherapySession, attendance: string) => {
    setMarkError(null);
    try {
      await api.patch(`/api/clients/${encodeURIComponent(clientId)}/sessions/${encodeURIComponent(s.id)}`, { attendance });
      await refresh();
    } catch (err) {
      setMarkError(messageOf(err));
    }
  };

  return (
    <FormCard
      title="Sessions"
      description="Dates and attendance only; what happened belongs in a note."
      openLabel="Record a session"
      form={(p) => <AddSessionForm clientId={clientId} {...p} />}
      onDone={refresh}
    >
      {() => (
        <>
          <FormError message={markError} />
          <DataTable
            rows={sessions}
            error={error}
            loadingLabel="Loading sessions…"
            empty="No sessions recorded yet."
            emptyClassName="empty-inline"
            caption="Sessions, newest first"
            columns={['Date', 'Length', 'How', 'Attendance']}
            rowKey={(s) => s.id}
            cells={(s) => (
              <>
                <td>{civilDate(s.date)}</td>
                <td>{s.durationMinutes} min</td>
                <td>{MODALITIES[s.modality] ?? s.modality}</td>
                <td>
                  {s.attendance === 'planned' && s.date <= today ? (
                    <select aria-label={`Attendance on ${civilDate(s.date)}`} value="planned" onChange={(e) => void mark(s, e.target.value)}>
                      <option value="planned">Planned: record what happened</option>
                      {choicesFor(s.date, today).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </select>
                  ) : (ATTENDANCE[s.attendance] ?? s.attendance)}
                </td>
              </>
            )}
          />
        </>
      )}
    </FormCard>
  );
}
