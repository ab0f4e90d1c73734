import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { instant } from '../../format.js';
import { OUTCOME_LABELS, type RequestView, options } from './types.js';

const FIELDS = ['outcome', 'reasons', 'factors', 'scope', 'steps', 'text', 'contraryToAdvice', 'contraryReasons'] as const;

/** The decision: outcome, factors weighed and reasons; sign-off fixes it; corrections are addenda. */
export function DecisionCard({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const d = view.decision;
  const signed = d?.status === 'signed';
  const [v, setV] = useState({ outcome: d?.outcome ?? '', factors: (d?.factors ?? []).join('\n'), reasons: d?.reasons ?? '', scope: d?.scope ?? '', doNotInformClient: d?.doNotInformClient ?? view.triage.mustNotInformClient });
  const [addendum, setAddendum] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [ack, setAck] = useState({ contraryToAdvice: false, contraryReasons: '' });
  const { errors, fromError, clear } = useFormErrors(FIELDS);
  const announce = useAnnounce();
  const base = `/api/requests/${encodeURIComponent(view.id)}`;

  const run = async (fn: () => Promise<unknown>, message: string) => {
    clear();
    setBusy(true);
    try {
      await fn();
      announce(message);
      onChange();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    return run(() => api.put(`${base}/decision`, { outcome: v.outcome, reasons: v.reasons, scope: v.scope, doNotInformClient: v.doNotInformClient, factors: v.factors.split('\n').map((s) => s.trim()).filter(Boolean) }), 'Decision saved as a draft');
  };

  // Sign-off asks first; a decision against the advice also needs the acknowledgement and reasons.
  const signOff = async () => {
    clear();
    setBusy(true);
    try {
      await api.post(`${base}/decision/sign`, d?.contraryWords ? ack : {});
      setConfirming(false);
      announce('Decision signed off');
      onChange();
    } catch (err) {
      // Only the acknowledgement is answered inside the dialog; anything else (a step still to
      // record, a conflict) is shown on the card, where it can be put right.
      if (!(err instanceof ApiError && (err.field === 'contraryToAdvice' || err.field === 'contraryReasons'))) setConfirming(false);
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

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
        <form className="addendum-form" onSubmit={(e) => { e.preventDefault(); void run(async () => { await api.post(`${base}/addenda`, { text: addendum }); setAddendum(''); }, 'Addendum added'); }}>
          <Field label="Add an addendum" hint="A correction or later fact; the signed decision stays as it was." error={errors.fields.text}>
            {(p) => <textarea {...p} name="text" rows={2} value={addendum} onChange={(e) => setAddendum(e.target.value)} required />}
          </Field>
          <FormError message={errors.form} />
          <div className="button-row"><button type="submit" className="btn btn-secondary" disabled={busy}>Add addendum</button></div>
        </form>
      </Card>
    );
  }

  return (
    <Card title="Decision" description="Record who you consulted in the checklist; here, what you decided and why. Once signed off it is fixed.">
      <form onSubmit={save}>
        <fieldset className="kind-choice">
          <legend>Decision</legend>
          {options(OUTCOME_LABELS).map((o) => (
            <label key={o.value} className="field-check">
              <input type="radio" name="outcome" value={o.value} checked={v.outcome === o.value} onChange={() => setV({ ...v, outcome: o.value })} required />
              {o.label}
            </label>
          ))}
          {errors.fields.outcome && <p className="field-error">{errors.fields.outcome}</p>}
        </fieldset>
        <Field label="Factors weighed" hint="One per line." optional error={errors.fields.factors}>
          {(p) => <textarea {...p} name="factors" rows={3} value={v.factors} onChange={(e) => setV({ ...v, factors: e.target.value })} />}
        </Field>
        <Field label="Reasons" error={errors.fields.reasons}>
          {(p) => <textarea {...p} name="reasons" rows={3} value={v.reasons} onChange={(e) => setV({ ...v, reasons: e.target.value })} required />}
        </Field>
        <Field label="What is to be disclosed" hint="For a disclosure: exactly which parts, the minimum." optional error={errors.fields.scope}>
          {(p) => <textarea {...p} name="scope" rows={2} value={v.scope} onChange={(e) => setV({ ...v, scope: e.target.value })} />}
        </Field>
        <label className="field-check">
          <input type="checkbox" checked={v.doNotInformClient} onChange={(e) => setV({ ...v, doNotInformClient: e.target.checked })} />
          Do not inform the client (keeps this request out of their own views and exports until lifted)
        </label>
        {d?.contraryWords && (
          <div className="contrary-callout" role="note" data-testid="contrary-warning">
            <p><strong>This draft goes against the advice.</strong> {d.contraryWords}</p>
            <p>You can still decide it, but signing off will ask you to confirm that and to say why.</p>
          </div>
        )}
        {errors.fields.steps && <div className="alert alert-error" role="alert">{errors.fields.steps}</div>}
        {!confirming && <FormError message={errors.form} />}
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy}>Save draft</button>
          {d && <button type="button" className="btn btn-primary" disabled={busy} onClick={() => { clear(); setConfirming(true); }}>Sign off decision</button>}
        </div>
        {d && <p className="muted">Draft saved {instant(d.updatedAt)}.</p>}
      </form>
      <ConfirmDialog open={confirming} title={d?.contraryWords ? 'Sign off a decision against the advice?' : 'Sign off this decision?'} confirmLabel="Sign off" busy={busy} onConfirm={() => void signOff()} onCancel={() => setConfirming(false)}>
        <p>You are signing off: <strong>{d ? (OUTCOME_LABELS[d.outcome] ?? d.outcome) : ''}</strong>. Once signed off the decision cannot change; corrections are added as addenda.</p>
        {d?.contraryWords && (
          <>
            <p>{d.contraryWords}</p>
            <label className="field-check">
              <input type="checkbox" name="contraryToAdvice" checked={ack.contraryToAdvice} onChange={(e) => setAck({ ...ack, contraryToAdvice: e.target.checked })} />
              I am deciding contrary to the advice
            </label>
            {errors.fields.contraryToAdvice && <p className="field-error">{errors.fields.contraryToAdvice}</p>}
            <Field label="Why you are not following the advice" hint="Kept with the signed decision and shown to whoever reviews it." error={errors.fields.contraryReasons}>
              {(p) => <textarea {...p} name="contraryReasons" rows={3} value={ack.contraryReasons} onChange={(e) => setAck({ ...ack, contraryReasons: e.target.value })} />}
            </Field>
          </>
        )}
        {confirming && <FormError message={errors.form} />}
      </ConfirmDialog>
    </Card>
  );
}
