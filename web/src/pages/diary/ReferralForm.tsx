import { api } from '../../api.js';
import type { BodyOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import type { Team } from './types.js';

const FIELDS = ['name', 'dob', 'email', 'phone', 'preferredChannel', 'teamId'] as const;
const CHANNELS = [
  { value: '', label: 'Not said' },
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'Text message' },
  { value: 'phone', label: 'Phone call' },
  { value: 'voicemail', label: 'Voicemail message' },
  { value: 'post', label: 'Letter by post' },
];

type Channel = NonNullable<BodyOf<'/api/referrals', 'post'>['preferredChannel']>;

/** A new referral: who the person is and how to reach them, nothing about why they were referred. */
export function ReferralForm({ teams, onRegistered, onCancel }: { teams: Team[]; onRegistered: () => void; onCancel: () => void }) {
  const { errors, busy, run, setField } = useSubmit(FIELDS);
  const { values, bind } = useFieldValues({ name: '', dob: '', email: '', phone: '', preferredChannel: '', teamId: '' }, errors.fields);
  const announce = useAnnounce();

  const submit = async () => {
    if (!values.name.trim()) return setField('name', 'Enter the name of the person referred.');
    const body: BodyOf<'/api/referrals', 'post'> = {
      name: values.name.trim(), dob: values.dob || null, email: values.email.trim() || null, phone: values.phone.trim() || null,
      preferredChannel: (values.preferredChannel || null) as Channel | null, teamId: values.teamId || null,
    };
    await run(async () => {
      const made = await api.post<{ id: string; name: string }>('/api/referrals', body);
      announce(`Referral registered for ${made.name}. An admin will assign a practitioner.`);
      onRegistered();
    });
  };

  return (
    <Card
      title="New referral"
      description="Identity and contact details only; the reason for the referral is for the practitioner to record. An admin assigns a practitioner afterwards."
      className="card-form"
    >
      <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Register referral" busyLabel="Registering…" onCancel={onCancel} aria-label="New referral">
        <div className="grid-2">
          <TextField label="Full name" autoComplete="off" {...bind('name')} autoFocus />
          <TextField label="Date of birth" optional type="date" {...bind('dob')} />
          <TextField label="Email" optional type="email" autoComplete="off" {...bind('email')} />
          <TextField label="Phone" optional type="tel" autoComplete="off" {...bind('phone')} />
          <SelectField
            label="How they would like to be contacted"
            optional
            hint="Used only once the client has agreed to it in their agreement"
            {...bind('preferredChannel')}
            options={CHANNELS}
          />
          <SelectField label="Team" optional {...bind('teamId')} options={[{ value: '', label: 'No team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]} />
        </div>
      </Form>
    </Card>
  );
}
