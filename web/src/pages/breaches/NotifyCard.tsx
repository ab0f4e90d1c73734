import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { todayCivil } from '../../format.js';
import { ClientLetterEditor } from './ClientLetterEditor.js';
import { AUDIENCE_LABELS, type Breach, CHANNEL_LABELS, type Draft, type Drafts } from './types.js';

const FIELDS = ['audience', 'clientId', 'decision', 'sentOn', 'channel', 'reason'] as const;

function DraftView({ draft }: { draft: Draft }) {
  return (
    <div className="draft">
      <h3>{draft.title}</h3>
      {draft.sections.map((s) => (
        <div key={s.heading}>
          <h4>{s.heading}</h4>
          <p>{s.text}</p>
        </div>
      ))}
    </div>
  );
}

/** Drafts in Sanctum's words, the letter to clients (written for them, editable) as a PDF per client, and the record of who was told or why not. */
export function NotifyCard({ breach, onSaved }: { breach: Breach; onSaved: (b: Breach) => void }) {
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [f, setF] = useState({ audience: breach.regime === 'hipaa' ? 'individual' : 'regulator', clientId: '', decision: 'sent', sentOn: todayCivil(), channel: '', reason: '' });
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  const base = `/api/breaches/${encodeURIComponent(breach.id)}`;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const audiences = breach.regime === 'hipaa' ? ['individual', 'hhs', 'media'] : ['regulator', 'individual'];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const body = f.decision === 'sent'
        ? { audience: f.audience, clientId: f.audience === 'individual' ? f.clientId || null : null, decision: 'sent', sentOn: f.sentOn, channel: f.channel }
        : { audience: f.audience, clientId: f.audience === 'individual' ? f.clientId || null : null, decision: 'not_notified', reason: f.reason };
      onSaved(await api.post<Breach>(`${base}/notifications`, body));
      setF({ ...f, clientId: '', reason: '' });
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Notifications" description="Every breach is documented. Record each notice sent, or the decision not to notify and why.">
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={() => api.get<Drafts>(`${base}/drafts`).then(setDrafts, (e) => setDraftError(messageOf(e)))}>
          Show notification drafts
        </button>
      </div>
      <FormError message={draftError} />
      {drafts && (
        <>
          <DraftView draft={drafts.regulator} />
          <DraftView draft={drafts.individual} />
        </>
      )}
      {breach.affected.length > 0 && <ClientLetterEditor breach={breach} />}
      {breach.notifications.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact" data-testid="notifications">
            <caption className="visually-hidden">Notifications recorded</caption>
            <thead><tr><th scope="col">Who</th><th scope="col">Decision</th><th scope="col">Date and channel, or reason</th></tr></thead>
            <tbody>
              {breach.notifications.map((n) => (
                <tr key={n.id}>
                  <td>{AUDIENCE_LABELS[n.audience] ?? n.audience}{n.caseCode ? ` · ${n.caseCode}` : ''}</td>
                  <td>{n.decision === 'sent' ? 'Sent' : 'Not notified'}</td>
                  <td>{n.decision === 'sent' ? `${n.sentOn} · ${CHANNEL_LABELS[n.channel ?? ''] ?? n.channel}` : n.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {breach.status === 'open' && (
        <form onSubmit={submit}>
          <h3>Record a notification</h3>
          <div className="grid-2">
            <Field label="Who" error={errors.fields.audience}>
              {(p) => (
                <select {...p} name="audience" value={f.audience} onChange={set('audience')}>
                  {audiences.map((a) => <option key={a} value={a}>{AUDIENCE_LABELS[a]}</option>)}
                </select>
              )}
            </Field>
            {f.audience === 'individual' && (
              <Field label="Client" error={errors.fields.clientId}>
                {(p) => (
                  <select {...p} name="clientId" value={f.clientId} onChange={set('clientId')}>
                    <option value="">{f.decision === 'sent' ? 'Choose…' : 'All of them'}</option>
                    {breach.affected.map((a) => <option key={a.clientId} value={a.clientId}>{a.caseCode}</option>)}
                  </select>
                )}
              </Field>
            )}
            <Field label="Decision" error={errors.fields.decision}>
              {(p) => (
                <select {...p} name="decision" value={f.decision} onChange={set('decision')}>
                  <option value="sent">Notified</option>
                  <option value="not_notified">Decided not to notify</option>
                </select>
              )}
            </Field>
            {f.decision === 'sent' && (
              <>
                <Field label="Date sent" error={errors.fields.sentOn}>
                  {(p) => <input {...p} type="date" name="sentOn" value={f.sentOn} max={todayCivil()} onChange={set('sentOn')} required />}
                </Field>
                <Field label="Channel" hint={f.audience === 'individual' ? "Only channels the client agreed to are accepted." : undefined} error={errors.fields.channel}>
                  {(p) => (
                    <select {...p} name="channel" value={f.channel} onChange={set('channel')} required>
                      <option value="">Choose…</option>
                      {Object.entries(CHANNEL_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </select>
                  )}
                </Field>
              </>
            )}
          </div>
          {f.decision === 'not_notified' && (
            <Field label="Why not" hint="Kept encrypted; part of the breach's documentation." error={errors.fields.reason}>
              {(p) => <textarea {...p} name="reason" rows={2} value={f.reason} onChange={set('reason')} required />}
            </Field>
          )}
          <FormError message={errors.form} />
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Record'}</button>
          </div>
        </form>
      )}
    </Card>
  );
}
