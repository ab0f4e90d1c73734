import { useState } from 'react';
import { api } from '../../api.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useSubmit } from '../../components/useSubmit.js';
import { type ChoiceState, ChoicesFields, YesNo, choiceFields, missingChoice } from './ChoicesFields.js';
import { SignatureFields, type SignatureMethod } from './SignatureFields.js';
import { type Agreement, consentPath } from './types.js';

const SIGNERS = [
  { value: 'client', label: 'The client' },
  { value: 'parent', label: 'A person with parental responsibility' },
];

/** Signing together in the room: the client's choices and signature, and the practitioner's capacity judgement. */
export function InPersonSignForm({ clientId, agreement, risks, young, onDone, onCancel }: {
  clientId: string; agreement: Agreement; risks: Record<string, string>; young: boolean; onDone: () => Promise<void>; onCancel: () => void;
}) {
  const [choices, setChoices] = useState<ChoiceState>({ records: null, supervision: null, channels: {} });
  const [name, setName] = useState('');
  const [signer, setSigner] = useState<'client' | 'parent'>('client');
  const [method, setMethod] = useState<SignatureMethod>('typed');
  const [image, setImage] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const channels = agreement.fields.channels;
  const { errors, busy, run, setField } = useSubmit([...choiceFields(channels), 'name', 'signer', 'method', 'image', 'capacity', 'capacity.hasCapacity', 'capacity.reasons']);

  // The first problem is shown beside its question, and the cursor goes there.
  const problem = (): [string, string] | null => {
    const missing = missingChoice(choices, channels);
    if (missing) return [missing, 'Choose yes or no.'];
    if (!name.trim()) return ['name', 'Type the full name of the person signing.'];
    if (method === 'drawn' && !image) return ['image', 'Draw the signature, or choose a typed signature.'];
    if (capacity === null) return ['capacity.hasCapacity', 'Record whether the client could give informed consent.'];
    if (reasons.trim().length < 10) return ['capacity.reasons', 'Write down the reasons for your judgement.'];
    return null;
  };
  const submit = async () => {
    const p = problem();
    if (p) return setField(...p);
    await run(async () => {
      await api.post(consentPath(clientId, `/agreements/${agreement.id}/sign`), {
        signature: { name: name.trim(), method, signer, ...(method === 'drawn' && image ? { image } : {}) },
        choices,
        capacity: { hasCapacity: capacity, reasons },
      });
      await onDone();
    });
  };

  return (
    <Form className="consent-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record signature" busyLabel="Signing…" onCancel={onCancel} aria-label="Sign in person">
      <ChoicesFields state={choices} onChange={setChoices} channels={channels.map((c) => ({ channel: c, risk: risks[c] ?? '' }))} errors={errors.fields} young={young} />
      <ChoiceGroup type="radio" className="choice" name="signer" legend="Who is signing?" options={SIGNERS} values={[signer]} onChange={([s]) => setSigner(s as 'client' | 'parent')} error={errors.fields.signer} />
      <TextField label="Full name of the person signing" name="name" value={name} onChange={setName} error={errors.fields.name} />
      <SignatureFields legend="Signature" typedLabel="Typed name" drawnLabel="Drawn" method={method} onMethod={setMethod} onImage={setImage} errors={errors.fields} />
      <YesNo name="capacity.hasCapacity" legend="Could the client give informed consent just now?" noLabel="No — record it and flag the consent" value={capacity} onChange={setCapacity} error={errors.fields['capacity.hasCapacity'] ?? errors.fields.capacity} />
      <TextArea label="Why you judged it so" hint="For example: understood, retained and weighed the information, and communicated a choice." name="capacity.reasons" value={reasons} onChange={setReasons} error={errors.fields['capacity.reasons']} rows={3} />
    </Form>
  );
}
