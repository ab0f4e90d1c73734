import { useCallback, useEffect, useState } from 'react';
import { type TherapySession, api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { civilDate, todayCivil } from '../../format.js';
import { AddSessionForm, ATTENDANCE, MODALITIES, choicesFor } from './AddSessionForm.js';

export function SessionsTab({ clientId }: { clientId: string }) {
  const [sessions, setSessions] = useState<TherapySession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const load = useCallback(async () => {
    try {
      setSessions(await api.get<TherapySession[]>(`/api/clients/${encodeURIComponent(clientId)}/sessions`));
    } catch (err) {
      setError(messageOf(err));
    }
  }, [clientId]);
  useEffect(() => void load(), [load]);
  const today = todayCivil();
  // A planned session gets its outcome once the day has come (the server refuses it earlier).
  const mark = async (s: TherapySession, attendance: string) => {
    setError(null);
    try {
      await api.patch(`/api/clients/${encodeURIComponent(clientId)}/sessions/${encodeURIComponent(s.id)}`, { attendance });
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Card
      title="Sessions"
      description="Dates and attendance only; what happened belongs in a note."
      actions={!adding && <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>Record a session</button>}
    >
      {adding && <AddSessionForm clientId={clientId} onDone={async () => { setAdding(false); await load(); }} onCancel={() => setAdding(false)} />}
      <FormError message={error} />
      {!sessions && !error && <Loading label="Loading sessions…" />}
      {sessions && sessions.length === 0 && <p className="empty-inline">No sessions recorded yet.</p>}
      {sessions && sessions.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Sessions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Length</th>
                <th scope="col">How</th>
                <th scope="col">Attendance</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
