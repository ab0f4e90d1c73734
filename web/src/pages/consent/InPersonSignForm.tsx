import { type FormEvent, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { type ChoiceState, ChoicesFields, missingChoice } from './ChoicesFields.js';
import { SignaturePad } from './SignaturePad.js';
import { type Agreement, consentPath } from './types.js';

/** Signing together in the room: the client's choices and signature, and the practitioner's capacity judgement. */
export function InPersonSignForm({ clientId, agreement, risks, young, onDone, onCancel }: {
  clientId: string; agreement: Agreement; risks: Record<string, string>; young: boolean; onDone: () => Promise<void>; onCancel: () => void;
}) {
  const [choices, setChoices] = useState<ChoiceState>({ records: null, supervision: null, channels: {} });
  const [name, setName] = useState('');
  const [signer, setSigner] = useState<'client' | 'parent'>('client');
  const [method, setMethod] = useState<'typed' | 'drawn'>('typed');
  const [image, setImage] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const missing = missingChoice(choices, agreement.fields.channels);
    if (missing) next[missing] = 'Choose yes or no.';
    if (!name.trim()) next.name = 'Type the full name of the person signing.';
    if (method === 'drawn' && !image) next.image = 'Draw the signature, or choose a typed signature.';
    if (capacity === null) next['capacity.hasCapacity'] = 'Record whether the client could give informed consent.';
    if (reasons.trim().length < 10) next['capacity.reasons'] = 'Write down the reasons for your judgement.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      await api.post(consentPath(clientId, `/agreements/${agreement.id}/sign`), {
        signature: { name: name.trim(), method, signer, ...(method === 'drawn' && image ? { image } : {}) },
        choices,
        capacity: { hasCapacity: capacity, reasons },
      });
      await onDone();
    } catch (err) {
      setErrors(err instanceof ApiError && err.field ? { [err.field]: err.message } : { form: messageOf(err) });
      setBusy(false);
    }
  };

  return (
    <form className="consent-form" onSubmit={submit} noValidate aria-label="Sign in person">
      <FormError message={errors.form} />
      <ChoicesFields state={choices} onChange={setChoices} channels={agreement.fields.channels.map((c) => ({ channel: c, risk: risks[c] ?? '' }))} errors={errors} young={young} />
      <fieldset className="choice">
        <legend>Who is signing?</legend>
        <div className="choice-options">
          <label><input type="radio" name="signer" checked={signer === 'client'} onChange={() => setSigner('client')} /> The client</label>
          <label><input type="radio" name="signer" checked={signer === 'parent'} onChange={() => setSigner('parent')} /> A person with parental responsibility</label>
        </div>
      </fieldset>
      <Field label="Full name of the person signing" error={errors.name}>
        {(p) => <input {...p} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset className="choice">
        <legend>Signature</legend>
        <div className="choice-options">
          <label><input type="radio" name="sig-method" checked={method === 'typed'} onChange={() => setMethod('typed')} /> Typed name</label>
          <label><input type="radio" name="sig-method" checked={method === 'drawn'} onChange={() => setMethod('drawn')} /> Drawn</label>
        </div>
      </fieldset>
      {method === 'drawn' && (
        <>
          {errors.image && <p className="field-error"><span aria-hidden="true">! </span>{errors.image}</p>}
          <SignaturePad label="Signature drawing area" onChange={setImage} />
        </>
      )}
      <fieldset className={`choice${errors['capacity.hasCapacity'] ? ' field-invalid' : ''}`}>
        <legend>Could the client give informed consent just now?</legend>
        {errors['capacity.hasCapacity'] && <p className="field-error"><span aria-hidden="true">! </span>{errors['capacity.hasCapacity']}</p>}
        <div className="choice-options">
          <label><input type="radio" name="capacity" checked={capacity === true} onChange={() => setCapacity(true)} /> Yes</label>
          <label><input type="radio" name="capacity" checked={capacity === false} onChange={() => setCapacity(false)} /> No — record it and flag the consent</label>
        </div>
      </fieldset>
      <Field label="Why you judged it so" error={errors['capacity.reasons']} hint="For example: understood, retained and weighed the information, and communicated a choice.">
        {(p) => <textarea {...p} name="capacity.reasons" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Signing…' : 'Record signature'}</button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
