import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import { OUTCOME_LABELS, type RequestView, options } from './types.js';

const FIELDS = ['outcome', 'reasons', 'factors', 'scope', 'steps', 'text', 'contraryToAdvice', 'contraryReasons'] as const;

/** The decision: outcome, factors weighed and reasons; sign-off fixes it; corrections are addenda. */
export function DecisionCard({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const d = view.decision;
  const signed = d?.status === 'signed';
  const { errors, clear, busy, run } = useSubmit(FIELDS);
  const { values: v, setValues, bind } = useFieldValues({ factors: (d?.factors ?? []).join('\n'), reasons: d?.reasons ?? '', scope: d?.scope ?? '', text: '', contraryReasons: '' }, errors.fields);
  const [outcome, setOutcome] = useState(d?.outcome ?? '');
  const [doNotInformClient, setDoNotInformClient] = useState(d?.doNotInformClient ?? view.triage.mustNotInformClient);
  const [contraryToAdvice, setContraryToAdvice] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const announce = useAnnounce();
  const base = `/api/requests/${encodeURIComponent(view.id)}`;

  const act = (work: () => Promise<unknown>, message: string) =>
    run(async () => {
      await work();
      announce(message);
      onChange();
    });
  const save = () => act(() => api.put(`${base}/decision`, { outcome, reasons: v.reasons, scope: v.scope, doNotInformClient, factors: v.factors.split('\n').map((s) => s.trim()).filter(Boolean) }), 'Decision saved as a draft');
  const addAddendum = () => act(async () => { await api.post(`${base}/addenda`, { text: v.text }); setValues((x) => ({ ...x, text: '' })); }, 'Addendum added');

  // Sign-off asks first; a decision against the advice also needs the acknowledgement and reasons.
  const signOff = () =>
    act(async () => {
      try {
        await api.post(`${base}/decision/sign`, d?.contraryWords ? { contraryToAdvice, contraryReasons: v.contraryReasons } : {});
      } catch (err) {
        // Only the acknowledgement is answered inside the dialog; anything else (a step still to
        // record, a conflict) is shown on the card, where it can be put right.
        if (!(err instanceof ApiError && (err.field === 'contraryToAdvice' || err.field === 'contraryReasons'))) setConfirming(false);
        throw err;
      }
      setConfirming(false);
    }, 'Decision signed off');

  if (signed && d) {
    return (
      <Card title="Decision" description={`Signed off ${instant(d.signedAt)} by ${d.decidedByName}. It cannot change; corrections are added below.`}>
        <p><strong>{OUTCOME_LABELS[d.outcome] ?? d.outcome}</strong></p>
        {d.contrary && (
          <div className="contrary-callout" data-testid="contrary-record">
            <p><span className="badge badge-contrary">Contrary to advice</span> {d.contraryWords}</p>
            <h3>Why the advice was not followed</h3>
            <p className="note-text">{d.contrary.reasons}</p>
          </div>
        )}
        {d.factors.length > 0 && (<><h3>Factors weighed</h3><ul>{d.factors.map((f) => <li key={f}>{f}</li>)}</ul></>)}
        <h3>Reasons</h3>
        <p className="note-text">{d.reasons}</p>
        {d.scope && (<><h3>What is to be disclosed</h3><p>{d.scope}</p></>)}
        {view.addenda.length > 0 && (
          <div className="addenda">
            <h3>Addenda</h3>
            {view.addenda.map((a) => <div key={a.id} className="addendum"><p className="addendum-meta">{a.authorName}, {instant(a.createdAt)}</p><p>{a.text}</p></div>)}
          </div>
        )}
        <Form onSubmit={addAddendum} error={errors.form} busy={busy} submitLabel="Add addendum" busyLabel="Adding…" submitClassName="btn btn-secondary" className="addendum-form">
          <TextArea label="Add an addendum" hint="A correction or later fact; the signed decision stays as it was." rows={2} {...bind('text')} />
        </Form>
      </Card>
    );
  }

  return (
    <Card title="Decision" description="Record who you consulted in the checklist; here, what you decided and why. Once signed off it is fixed.">
      <Form
        onSubmit={save}
        error={confirming ? null : errors.form}
        busy={busy}
        submitLabel="Save draft"
        busyLabel="Saving…"
        submitClassName="btn btn-secondary"
        extraButtons={d && <button type="button" className="btn btn-primary" disabled={busy} onClick={() => { clear(); setConfirming(true); }}>Sign off decision</button>}
      >
        <ChoiceGroup type="radio" className="kind-choice" legend="Decision" name="outcome" options={options(OUTCOME_LABELS)} values={[outcome]} onChange={([o]) => setOutcome(o ?? '')} error={errors.fields.outcome} />
        <TextArea label="Factors weighed" hint="One per line." optional rows={3} {...bind('factors')} />
        <TextArea label="Reasons" rows={3} {...bind('reasons')} />
        <TextArea label="What is to be disclosed" hint="For a disclosure: exactly which parts, the minimum." optional rows={2} {...bind('scope')} />
        <CheckboxField label="Do not inform the client (keeps this request out of their own views and exports until lifted)" checked={doNotInformClient} onChange={setDoNotInformClient} />
        {d?.contraryWords && (
          <div className="contrary-callout" role="note" data-testid="contrary-warning">
            <p><strong>This draft goes against the advice.</strong> {d.contraryWords}</p>
            <p>You can still decide it, but signing off will ask you to confirm that and to say why.</p>
          </div>
        )}
        {errors.fields.steps && <div className="alert alert-error" role="alert">{errors.fields.steps}</div>}
      </Form>
      {d && <p className="muted">Draft saved {instant(d.updatedAt)}.</p>}
      <ConfirmDialog open={confirming} title={d?.contraryWords ? 'Sign off a decision against the advice?' : 'Sign off this decision?'} confirmLabel="Sign off" busy={busy} onConfirm={() => void signOff()} onCancel={() => setConfirming(false)}>
        <p>You are signing off: <strong>{d ? (OUTCOME_LABELS[d.outcome] ?? d.outcome) : ''}</strong>. Once signed off the decision cannot change; corrections are added as addenda.</p>
        {d?.contraryWords && (
          <>
            <p>{d.contraryWords}</p>
            <CheckboxField name="contraryToAdvice" label="I am deciding contrary to the advice" checked={contraryToAdvice} onChange={setContraryToAdvice} error={errors.fields.contraryToAdvice} />
            <TextArea label="Why you are not following the advice" hint="Kept with the signed decision and shown to whoever reviews it." rows={3} {...bind('contraryReasons')} />
          </>
        )}
        {confirming && <FormError message={errors.form} />}
      </ConfirmDialog>
    </Card>
  );
}
