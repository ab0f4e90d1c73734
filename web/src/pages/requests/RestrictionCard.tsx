import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../components/useFormErrors.js';
import { instant } from '../../format.js';
import type { RequestView } from './types.js';

/** The "do not inform the client" restriction: placing and lifting it are both recorded. */
export function RestrictionCard({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fromError, clear } = useFormErrors(['reason']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      await api.post(`/api/requests/${encodeURIComponent(view.id)}/restriction`, { restricted: !view.restricted, reason });
      setReason('');
      onChange();
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Telling the client" description={view.restricted ? 'Restricted: this request, its decision and any disclosure are hidden from the client’s own views and from subject access exports.' : 'Not restricted: the client may see this request and any disclosure in their own record.'}>
      {view.restrictionEvents.length > 0 && (
        <ul>
          {view.restrictionEvents.map((e) => <li key={e.id}>{e.action === 'restrict' ? 'Restricted' : 'Lifted'} by {e.actorName}, {instant(e.at)}: {e.reason}</li>)}
        </ul>
      )}
      <form onSubmit={submit}>
        <Field label={view.restricted ? 'Why the restriction can be lifted' : 'Why the client must not be told'} error={errors.fields.reason}>
          {(p) => <textarea {...p} name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />}
        </Field>
        <FormError message={errors.form} />
        <div className="button-row"><button type="submit" className="btn btn-secondary" disabled={busy}>{view.restricted ? 'Lift the restriction' : 'Restrict: do not inform the client'}</button></div>
      </form>
    </Card>
  );
}
