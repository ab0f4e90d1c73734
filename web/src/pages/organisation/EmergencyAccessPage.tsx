import './organisation.css';
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { Link } from '../../router.js';
import { instant } from '../../format.js';
import { useSession } from '../../session.js';
import { CATEGORY_CHOICES, type EmergencyAccess, HOURS, timeLeft } from './labels.js';

const FIELDS = ['caseCode', 'category', 'reason', 'hours', 'password', 'code'] as const;

/** The minute hand, for the time left on an access. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function BreakGlassForm({ onOpened, onCancel }: { onOpened: (g: EmergencyAccess) => void; onCancel: () => void }) {
  const [category, setCategory] = useState<string[]>([]);
  const { errors, setField, busy, run } = useSubmit(FIELDS);
  const { values: form, bind } = useFieldValues({ caseCode: '', reason: '', hours: '4', password: '', code: '' }, errors.fields);
  const submit = async () => {
    if (!form.caseCode.trim()) return setField('caseCode', 'Enter the client’s case code.');
    if (!category[0]) return setField('category', 'Choose why emergency access is needed.');
    if (!form.reason.trim()) return setField('reason', 'Say what has happened and why the record is needed now.');
    if (!form.password) return setField('password', 'Enter your password.');
    if (!/^\d{6}$/.test(form.code.replace(/\s/g, ''))) return setField('code', 'Enter the 6-digit code your app shows now.');
    await run(async () => {
      onOpened(await api.post<EmergencyAccess>('/api/break-glass', {
        caseCode: form.caseCode.trim(), category: category[0], reason: form.reason.trim(), hours: Number(form.hours), password: form.password, code: form.code.replace(/\s/g, ''),
      }));
    });
  };
  return (
    <Card title="Open a record in an emergency" className="card-form">
      <div className="callout callout-warning" role="note">
        <p><strong>This is recorded and reviewed.</strong> You will see this client’s record outside your own work, read-only, for the time you choose. Every page you open is logged against this access, the client can see it in their access history, and a colleague or the data-protection officer reviews it afterwards.</p>
      </div>
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Open the record now" busyLabel="Checking…" onCancel={onCancel} aria-label="Emergency access">
        <TextField label="Case code" hint="From the register, the referral or the colleague who raised the concern." {...bind('caseCode')} autoComplete="off" />
        <ChoiceGroup type="radio" name="category" legend="Why is it needed?" options={CATEGORY_CHOICES} values={category} onChange={setCategory} error={errors.fields.category} />
        <TextArea label="What has happened" hint="Enough for a reviewer to judge it: what you know, and why it cannot wait for the treating practitioner." rows={3} {...bind('reason')} />
        <SelectField label="For how long" hint="It ends by itself. Choose the shortest time that will do; at most 24 hours." options={HOURS} {...bind('hours')} />
        <fieldset className="reauth">
          <legend>Confirm it is you</legend>
          <div className="grid-2">
            <TextField label="Your password" type="password" autoComplete="current-password" {...bind('password')} />
            <TextField label="Code from your app" inputMode="numeric" autoComplete="one-time-code" controlClassName="input-code" {...bind('code')} />
          </div>
        </fieldset>
      </Form>
    </Card>
  );
}

/**
 * A clinical lead's emergency access ("break-glass"): to a client outside their relationships,
 * after re-authentication and a stated reason, for a few hours, read-only, reviewed afterwards.
 */
export function EmergencyAccessPage() {
  const { user } = useSession();
  const [asking, setAsking] = useState(false);
  const { data: all, error, reload } = useLoad(() => api.get<EmergencyAccess[]>('/api/break-glass'), []);
  const announce = useAnnounce();
  const now = useNow();
  const mine = all?.filter((g) => g.userId === user.id) ?? null;
  const active = mine?.filter((g) => g.active && new Date(g.expiresAt).getTime() > now) ?? [];

  const end = async (g: EmergencyAccess) => {
    await api.post(`/api/break-glass/${encodeURIComponent(g.id)}/end`, {});
    announce('Emergency access ended.');
    reload();
  };

  return (
    <div className="page">
      <PageHeader title="Emergency access" lead="For a client who is not in your care, when someone may come to harm and the treating practitioner cannot be reached.">
        {!asking && (
          <button type="button" className="btn btn-primary" onClick={() => setAsking(true)}>Open a record in an emergency</button>
        )}
      </PageHeader>
      {asking && (
        <BreakGlassForm onCancel={() => setAsking(false)} onOpened={(g) => { setAsking(false); announce(`Emergency access to case ${g.caseCode} is open until ${instant(g.expiresAt)}.`); reload(); }} />
      )}
      {active.map((g) => (
        <div key={g.id} className="callout callout-warning" role="status" data-testid="active-emergency-access">
          <p>
            <strong>Emergency access to case {g.caseCode} is open</strong> — {timeLeft(g.expiresAt, now)} (until {instant(g.expiresAt)}). {g.categoryWords}.
          </p>
          <p className="actions">
            <Link className="btn btn-primary" to={`/clients/${g.clientId}`}>Open the record</Link>
            <button type="button" className="btn btn-secondary" onClick={() => void end(g)}>End it now</button>
          </p>
        </div>
      ))}
      <h2>Your emergency accesses</h2>
      <DataTable
        rows={mine}
        error={error}
        loadingLabel="Loading…"
        empty="You have not used emergency access."
        columns={['Case', 'Why', 'From', 'Until', 'Now']}
        caption="Your emergency accesses"
        testId="emergency-accesses"
        rowKey={(g) => g.id}
        cells={(g) => (
          <>
            <td>{g.caseCode}</td>
            <td>{g.categoryWords}<span className="status-detail">“{g.reason}”</span></td>
            <td>{instant(g.startedAt)}</td>
            <td>{instant(g.endedAt ?? g.expiresAt)}</td>
            <td>{g.active && new Date(g.expiresAt).getTime() > now ? timeLeft(g.expiresAt, now) : 'Ended'}</td>
          </>
        )}
      />
    </div>
  );
}
