import { useState } from 'react';
import { api } from '../../api.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { CHANNELS, CHANNEL_LABELS, type Channel, SETTINGS, consentPath } from './types.js';

const FIELDS = ['setting', 'fields.supervisorArrangement', 'fields.retentionPeriod', 'fields.channels'] as const;
const SETTING_CHOICES = Object.entries(SETTINGS).map(([value, label]) => ({ value, label }));
const CHANNEL_CHOICES = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));

/** Choose the setting and the ways of keeping in touch to offer; the newest published wording is used. */
export function PrepareForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => Promise<void>; onCancel?: () => void }) {
  const [setting, setSetting] = useState('private');
  const [channels, setChannels] = useState<string[]>(['email', 'sms', 'phone', 'video']);
  const [supervision, setSupervision] = useState('');
  const [retention, setRetention] = useState('');
  const { errors, busy, run } = useSubmit(FIELDS);

  const submit = () =>
    run(async () => {
      await api.post(consentPath(clientId, '/agreements'), {
        setting,
        fields: { channels: channels as Channel[], ...(supervision.trim() ? { supervisorArrangement: supervision } : {}), ...(retention.trim() ? { retentionPeriod: retention } : {}) },
      });
      await onDone();
    });

  return (
    <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Prepare agreement" busyLabel="Preparing…" onCancel={onCancel} aria-label="Prepare an agreement">
      <SelectField label="Setting" name="setting" options={SETTING_CHOICES} value={setting} onChange={setSetting} error={errors.fields.setting} />
      <ChoiceGroup type="checkbox" className="choice" name="fields.channels" legend="Ways of keeping in touch to offer" options={CHANNEL_CHOICES} values={channels} onChange={setChannels} error={errors.fields['fields.channels']} />
      <TextArea label="Supervision arrangement" optional hint="Leave empty for the standard wording about anonymised supervision." name="fields.supervisorArrangement" value={supervision} onChange={setSupervision} error={errors.fields['fields.supervisorArrangement']} rows={3} />
      <TextField label="How long records are kept" optional hint="Leave empty for the default for your jurisdiction." name="fields.retentionPeriod" value={retention} onChange={setRetention} error={errors.fields['fields.retentionPeriod']} />
    </Form>
  );
}
