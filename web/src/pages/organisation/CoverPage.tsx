import './organisation.css';
import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import type { StaffName } from '../../components/useStaffNames.js';
import { civilDate, todayCivil } from '../../format.js';
import type { Relationship } from './labels.js';
import { AdminTabs } from '../admin/AdminTabs.js';

type Kind = 'cover' | 'supervision';
const WORDS: Record<Kind, { title: string; add: string; holder: string; subject: string; holderHint: string; empty: string; lead: string }> = {
  cover: {
    title: 'Cover', add: 'Arrange cover', holder: 'Covering colleague', subject: 'Covering for', holderHint: 'A practitioner. They see the other’s clients, and can write in their records, from the first day to the last.',
    empty: 'No cover is arranged.', lead: 'While a practitioner is away, a colleague sees and works with their clients. Cover ends by itself on its last day.',
  },
  supervision: {
    title: 'Supervision', add: 'Record supervision', holder: 'Supervisor', subject: 'Supervisee', holderHint: 'Someone with the supervisor role. They see what the supervisee shares with them, anonymised; never the identified record.',
    empty: 'No supervision is recorded.', lead: 'Who supervises whom. A supervisor sees only the anonymised material shared with them.',
  },
};

function AddForm({ kind, staff, onDone, onCancel }: { kind: Kind; staff: StaffName[]; onDone: () => void; onCancel: () => void }) {
  const w = WORDS[kind];
  const { errors, setField, busy, run } = useSubmit(['holderId', 'subjectId', 'startsOn', 'endsOn', 'reason']);
  const { values: form, bind } = useFieldValues({ holderId: '', subjectId: '', startsOn: todayCivil(), endsOn: '', reason: '' }, errors.fields);
  const people = [{ value: '', label: 'Choose a colleague' }, ...staff.map((s) => ({ value: s.id, label: s.displayName }))];
  const announce = useAnnounce();
  const submit = async () => {
    if (!form.holderId) return setField('holderId', `Choose the ${w.holder.toLowerCase()}.`);
    if (!form.subjectId) return setField('subjectId', `Choose the ${w.subject.toLowerCase()}.`);
    if (kind === 'cover' && !form.endsOn) return setField('endsOn', 'Give the last day of cover.');
    if (!form.reason.trim()) return setField('reason', 'Give the reason.');
    await run(async () => {
      await api.post(`/api/${kind}`, { holderId: form.holderId, subjectId: form.subjectId, startsOn: form.startsOn || null, endsOn: form.endsOn || null, reason: form.reason.trim() });
      announce(kind === 'cover' ? 'Cover arranged.' : 'Supervision recorded.');
      onDone();
    });
  };
  return (
    <Card title={w.add} className="card-form">
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel={w.add} busyLabel="Saving…" onCancel={onCancel} aria-label={w.add}>
        <div className="grid-2">
          <SelectField label={w.holder} hint={w.holderHint} options={people} {...bind('holderId')} />
          <SelectField label={w.subject} options={people} {...bind('subjectId')} />
          <TextField label="First day" type="date" {...bind('startsOn')} />
          <TextField label="Last day" type="date" optional={kind === 'supervision'} hint={kind === 'cover' ? 'At most 92 days; for longer, move the clients.' : 'Leave empty if it has no set end.'} {...bind('endsOn')} />
        </div>
        <TextField label="Reason" hint={kind === 'cover' ? 'For example: annual leave, illness.' : 'For example: monthly clinical supervision.'} {...bind('reason')} />
      </Form>
    </Card>
  );
}

function Arrangements({ kind, staff }: { kind: Kind; staff: StaffName[] }) {
  const w = WORDS[kind];
  const [adding, setAdding] = useState(false);
  const { data, error, reload } = useLoad(() => api.get<Relationship[]>(`/api/${kind}`), []);
  const announce = useAnnounce();
  const end = async (r: Relationship) => {
    await api.post(`/api/${kind}/${encodeURIComponent(r.id)}/end`, {});
    announce('Ended.');
    reload();
  };
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <div className="section-head">
        <h2 id={`${kind}-heading`}>{w.title}</h2>
        {!adding && <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>{w.add}</button>}
      </div>
      <p>{w.lead}</p>
      {adding && <AddForm kind={kind} staff={staff} onCancel={() => setAdding(false)} onDone={() => { setAdding(false); reload(); }} />}
      <DataTable
        rows={data}
        error={error}
        empty={w.empty}
        columns={[w.holder, w.subject, 'From', 'To', 'Reason', 'Now']}
        caption={w.title}
        testId={`${kind}-list`}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>{r.holderName ?? 'A colleague'}</td>
            <td>{r.subjectName ?? 'A colleague'}</td>
            <td>{civilDate(r.startsOn)}</td>
            <td>{r.endsOn ? civilDate(r.endsOn) : 'No set end'}</td>
            <td>{r.reason}</td>
            <td>
              {r.inForce ? (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => void end(r)}>
                  End now<span className="visually-hidden">: {r.holderName} and {r.subjectName}</span>
                </button>
              ) : r.endedAt ? 'Ended' : r.startsOn > todayCivil() ? 'Not started' : 'Ended'}
            </td>
          </>
        )}
      />
    </section>
  );
}

/** Cover and supervision, arranged by an admin or a clinical lead. */
export function CoverPage() {
  const { data: staff } = useLoad(() => api.get<StaffName[]>('/api/staff-names'), []);
  return (
    <div className="page">
      <PageHeader title="Cover and supervision" lead="Who reaches whose clients, for how long, and why. Each arrangement is dated and recorded." />
      <AdminTabs current="cover" />
      <Arrangements kind="cover" staff={staff ?? []} />
      <Arrangements kind="supervision" staff={staff ?? []} />
    </div>
  );
}
