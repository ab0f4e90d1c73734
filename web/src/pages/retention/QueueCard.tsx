import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { TextField } from '../../components/fields.js';
import { FormError } from '../../components/FormError.js';
import { useBusy } from '../../components/useBusy.js';
import { useAnnounce } from '../../components/Status.js';
import { type Certificate, HOLD_LABELS, type ScheduledCase, ruleWords } from './types.js';
import { civilDate } from '../../format.js';

/** Cases whose date has come: held ones say why; the rest can be destroyed after typing the case code. */
export function QueueCard({ queue, onDone }: { queue: ScheduledCase[]; onDone: (c: Certificate) => void }) {
  const [target, setTarget] = useState<{ c: ScheduledCase; scope: 'whole_record' | 'process_notes' } | null>(null);
  const [typed, setTyped] = useState('');
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const destroy = async () => {
    if (!target) return;
    setError(null);
    await run(async () => {
      const cert = await api.post<Certificate>('/api/retention/dispose', { caseCode: target.c.caseCode, confirm: typed, scope: target.scope });
      announce(`Destroyed. Certificate ${cert.number} issued.`);
      setTarget(null);
      onDone(cert);
    }, (err) => setError(messageOf(err)));
  };
  return (
    <Card title="Review queue" description="Closed cases whose disposal date has arrived. A legal hold stops destruction until it is resolved.">
      <DataTable
        rows={queue}
        empty="Nothing is due for disposal."
        testId="review-queue"
        columns={['Case', 'Due', 'Holds', <span className="visually-hidden">Action</span>]}
        rowKey={(c) => c.caseCode}
        rowProps={(c) => ({ 'data-case': c.caseCode })}
        cells={(c) => (
          <>
            <td>{c.caseCode}<div className="muted">last contact {civilDate(c.lastContact)}; {ruleWords(c)}</div></td>
            <td className="nowrap">{c.due ? civilDate(c.retainUntil) : `process notes ${civilDate(c.processNotesUntil)}`}</td>
            <td>
              {c.holds.length === 0 ? 'None' : (
                <ul className="plain-list">{c.holds.map((h) => <li key={h.ref}><span className="hold-reason">Held: {HOLD_LABELS[h.kind] ?? h.kind}.</span> {h.reason}</li>)}</ul>
              )}
            </td>
            <td>
              {c.holds.length === 0 && (
                <button type="button" className="btn btn-secondary" onClick={() => { setTyped(''); setError(null); setTarget({ c, scope: c.due ? 'whole_record' : 'process_notes' }); }}>
                  {c.due ? 'Destroy record' : 'Destroy process notes'}<span className="visually-hidden"> of {c.caseCode}</span>
                </button>
              )}
            </td>
          </>
        )}
      />
      <ConfirmDialog open={target !== null} title={target?.scope === 'process_notes' ? 'Destroy process notes' : 'Destroy this record'} confirmLabel="Destroy permanently" busy={busy} onConfirm={() => void destroy()} onCancel={() => setTarget(null)}>
        <p>
          {target?.scope === 'process_notes'
            ? 'The process notes of this case will be deleted.'
            : "The client's keys will be destroyed and every record deleted. Nobody, from any backup, will be able to read them again."}
        </p>
        <TextField label={<>Type the case code <strong>{target?.c.caseCode}</strong> to confirm</>} name="confirm" value={typed} onChange={setTyped} autoComplete="off" spellCheck={false} />
        <FormError message={error} />
      </ConfirmDialog>
    </Card>
  );
}
