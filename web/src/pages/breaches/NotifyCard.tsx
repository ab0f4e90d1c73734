import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { civilDate, todayCivil } from '../../format.js';
import { ClientLetterEditor } from './ClientLetterEditor.js';
import { AUDIENCE_LABELS, type Breach, CHANNEL_LABELS, type Draft, type Drafts } from './types.js';

const FIELDS = ['audience', 'clientId', 'decision', 'sentOn', 'channel', 'reason'] as const;
const DECISIONS = [{ value: 'sent', label: 'Notified' }, { value: 'not_notified', label: 'Decided not to notify' }];
const CHANNELS = [{ value: '', label: 'Choose…' }, ...Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))];

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
  const { errors, busy, run } = useSubmit(FIELDS);
  const { values: f, setValues: setF, bind } = useFieldValues(
    { audience: breach.regime === 'hipaa' ? 'individual' : 'regulator', clientId: '', decision: 'sent', sentOn: todayCivil(), channel: '', reason: '' },
    errors.fields,
  );
  const base = `/api/breaches/${encodeURIComponent(breach.id)}`;
  const audiences = (breach.regime === 'hipaa' ? ['individual', 'hhs', 'media'] : ['regulator', 'individual']).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));
  const clients = [{ value: '', label: f.decision === 'sent' ? 'Choose…' : 'All of them' }, ...breach.affected.map((a) => ({ value: a.clientId, label: a.caseCode }))];
  const submit = async () => {
    const who = { audience: f.audience, clientId: f.audience === 'individual' ? f.clientId || null : null };
    const body = f.decision === 'sent' ? { ...who, decision: 'sent', sentOn: f.sentOn, channel: f.channel } : { ...who, decision: 'not_notified', reason: f.reason };
    await run(async () => {
      onSaved(await api.post<Breach>(`${base}/notifications`, body));
      setF({ ...f, clientId: '', reason: '' });
    });
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
      <DataTable
        rows={breach.notifications}
        empty={null}
        className="table table-compact"
        testId="notifications"
        caption="Notifications recorded"
        columns={['Who', 'Decision', 'Date and channel, or reason']}
        rowKey={(n) => n.id}
        cells={(n) => (
          <>
            <td>{AUDIENCE_LABELS[n.audience] ?? n.audience}{n.caseCode ? ` · ${n.caseCode}` : ''}</td>
            <td>{n.decision === 'sent' ? 'Sent' : 'Not notified'}</td>
            <td>{n.decision === 'sent' ? `${civilDate(n.sentOn)} · ${CHANNEL_LABELS[n.channel ?? ''] ?? n.channel}` : n.reason}</td>
          </>
        )}
      />
      {breach.status === 'open' && (
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record" busyLabel="Saving…">
          <h3>Record a notification</h3>
          <div className="grid-2">
            <SelectField label="Who" {...bind('audience')} options={audiences} />
            {f.audience === 'individual' && <SelectField label="Client" {...bind('clientId')} options={clients} />}
            <SelectField label="Decision" {...bind('decision')} options={DECISIONS} />
            {f.decision === 'sent' && (
              <>
                <TextField label="Date sent" {...bind('sentOn')} type="date" max={todayCivil()} required />
                <SelectField label="Channel" hint={f.audience === 'individual' ? 'Only channels the client agreed to are accepted.' : undefined} {...bind('channel')} options={CHANNELS} required />
              </>
            )}
          </div>
          {f.decision === 'not_notified' && <TextArea label="Why not" hint="Kept encrypted; part of the breach's documentation." {...bind('reason')} rows={2} required />}
        </Form>
      )}
    </Card>
  );
}
