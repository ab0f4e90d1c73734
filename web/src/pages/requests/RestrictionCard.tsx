import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import type { RequestView } from './types.js';

/** The "do not inform the client" restriction: placing and lifting it are both recorded. */
export function RestrictionCard({ view, onChange }: { view: RequestView; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const { errors, busy, run } = useSubmit(['reason']);
  const submit = () =>
    run(async () => {
      await api.post(`/api/requests/${encodeURIComponent(view.id)}/restriction`, { restricted: !view.restricted, reason });
      setReason('');
      onChange();
    });
  const action = view.restricted ? 'Lift the restriction' : 'Restrict: do not inform the client';
  return (
    <Card title="Telling the client" description={view.restricted ? 'Restricted: this request, its decision and any disclosure are hidden from the client’s own views and from subject access exports.' : 'Not restricted: the client may see this request and any disclosure in their own record.'}>
      {view.restrictionEvents.length > 0 && (
        <ul>
          {view.restrictionEvents.map((e) => <li key={e.id}>{e.action === 'restrict' ? 'Restricted' : 'Lifted'} by {e.actorName}, {instant(e.at)}: {e.reason}</li>)}
        </ul>
      )}
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel={action} busyLabel={action} submitClassName="btn btn-secondary">
        <TextArea label={view.restricted ? 'Why the restriction can be lifted' : 'Why the client must not be told'} name="reason" rows={2} value={reason} onChange={setReason} error={errors.fields.reason} />
      </Form>
    </Card>
  );
}
