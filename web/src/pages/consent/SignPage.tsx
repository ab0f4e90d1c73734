import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { instant } from '../../format.js';
import { Blocks } from './Blocks.js';
import { type ChoiceState, ChoicesFields, missingChoice } from './ChoicesFields.js';
import { SignaturePad } from './SignaturePad.js';
import type { SigningView } from './types.js';
import './consent.css';

/**
 * The page a client opens from a signing link: no account, no app around it, just the agreement,
 * the questions and a signature. The link works once.
 */
export function SignPage({ token }: { token: string }) {
  const [view, setView] = useState<SigningView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [choices, setChoices] = useState<ChoiceState>({ records: null, supervision: null, channels: {} });
  const [name, setName] = useState('');
  const [method, setMethod] = useState<'typed' | 'drawn'>('typed');
  const [image, setImage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ pdfPath: string; signedAt: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `/api/sign/${encodeURIComponent(token)}`;

  useEffect(() => {
    api.get<SigningView>(path, { quiet: true }).then((v) => {
      setView(v);
      document.title = `${v.audience === 'young' ? 'Your agreement' : 'Confidentiality agreement'} · ${v.practiceName}`;
    }, (err) => {
      setRefusal(messageOf(err));
      document.title = 'Signing link · Sanctum';
    });
  }, [path]);
  useEffect(() => heading.current?.focus(), [done, refusal]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!view) return;
    const next: Record<string, string> = {};
    const missing = missingChoice(choices, view.channels.map((c) => c.channel));
    if (missing) next[missing] = 'Please choose yes or no.';
    if (!name.trim()) next.name = 'Type your full name.';
    if (method === 'drawn' && !image) next.image = 'Draw your signature in the box, or choose to type it instead.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const res = await api.post<{ pdfPath: string; signedAt: string }>(path, {
        signature: { name: name.trim(), method, ...(method === 'drawn' && image ? { image } : {}) },
        choices,
      }, { quiet: true });
      setDone(res);
    } catch (err) {
      if (err instanceof ApiError && err.field) setErrors({ [err.field]: err.message });
      else if (err instanceof ApiError && (err.status === 410 || err.status === 404)) setRefusal(err.message);
      else setErrors({ form: messageOf(err) });
      setBusy(false);
    }
  };

  const young = view?.audience === 'young';
  return (
    <div className="sign-page">
      <a className="skip-link" href="#main">Skip to main content</a>
      <header className="sign-header"><p className="sign-practice">{view?.practiceName ?? 'Sanctum'}</p></header>
      <main id="main" tabIndex={-1} className="sign-main">
        {!view && !refusal && <Loading label="Opening your agreement…" />}
        {refusal && !done && (
          <>
            <h1 ref={heading} tabIndex={-1}>This link cannot be used</h1>
            <p className="alert alert-error" role="alert">{refusal}</p>
          </>
        )}
        {done && view && (
          <>
            <h1 ref={heading} tabIndex={-1}>{young ? 'Thank you — all done' : 'Thank you: your agreement is signed'}</h1>
            <p>Signed {instant(done.signedAt)}. Your practitioner can see it now.</p>
            <p><a className="btn btn-primary" href={done.pdfPath} download>Download your copy (PDF)</a></p>
            <p className="hint">The download works for one hour. After that, ask your practitioner for a copy.</p>
          </>
        )}
        {view && !done && !refusal && (
          <>
            <h1 ref={heading} tabIndex={-1}>{view.title}</h1>
            <p className="lead">{young ? 'Please read this carefully. Ask your counsellor about anything you are not sure of.' : 'Please read this before you sign. You can ask your practitioner about anything in it.'}</p>
            <article className="agreement" aria-label="The agreement">
              <Blocks base={1} blocks={view.blocks.filter((b, i) => !(i === 0 && b.kind === 'heading' && b.level === 1))} />
            </article>
            <form className="sign-form" onSubmit={submit} noValidate aria-labelledby="sign-heading">
              <h2 id="sign-heading">{young ? 'Your choices and signature' : 'Your choices and signature'}</h2>
              <FormError message={errors.form} />
              <ChoicesFields state={choices} onChange={setChoices} channels={view.channels} errors={errors} young={young} />
              <Field label="Your full name" error={errors.name}>
                {(p) => <input {...p} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
              </Field>
              <fieldset className="choice">
                <legend>How would you like to sign?</legend>
                <div className="choice-options">
                  <label><input type="radio" name="method" checked={method === 'typed'} onChange={() => setMethod('typed')} /> Type my name as my signature</label>
                  <label><input type="radio" name="method" checked={method === 'drawn'} onChange={() => setMethod('drawn')} /> Draw my signature</label>
                </div>
              </fieldset>
              {method === 'drawn' && (
                <>
                  {errors.image && <p className="field-error"><span aria-hidden="true">! </span>{errors.image}</p>}
                  <SignaturePad label="Signature drawing area" onChange={setImage} />
                </>
              )}
              <p className="hint">Agreement version {view.version}, fingerprint {view.documentHash.slice(0, 16)}…. This link works once and expires {instant(view.expiresAt)}.</p>
              <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Signing…' : 'Sign the agreement'}</button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
