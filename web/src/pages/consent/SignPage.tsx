import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';
import { Blocks } from './Blocks.js';
import { type ChoiceState, ChoicesFields, choiceFields, missingChoice } from './ChoicesFields.js';
import { SignatureFields, type SignatureMethod } from './SignatureFields.js';
import type { SigningView } from './types.js';
import './consent.css';

/**
 * The page a client opens from a signing link: no account, no app around it, just the agreement,
 * the questions and a signature. The link works once.
 */
export function SignPage({ token }: { token: string }) {
  const path = `/api/sign/${encodeURIComponent(token)}`;
  const { data: view, error: unusable } = useLoad(() => api.get<SigningView>(path, { quiet: true }), [path]);
  const [refused, setRefusal] = useState<string | null>(null);
  const [choices, setChoices] = useState<ChoiceState>({ records: null, supervision: null, channels: {} });
  const [name, setName] = useState('');
  const [method, setMethod] = useState<SignatureMethod>('typed');
  const [image, setImage] = useState<string | null>(null);
  const channels = view?.channels.map((c) => c.channel) ?? [];
  const { errors, busy, run, setField } = useSubmit([...choiceFields(channels), 'name', 'method', 'image']);
  const [done, setDone] = useState<{ pdfPath: string; signedAt: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Why the link cannot be used: refused on opening, or found used or expired on signing.
  const refusal = unusable ?? refused;
  useEffect(() => {
    if (view) document.title = `${view.audience === 'young' ? 'Your agreement' : 'Confidentiality agreement'} · ${view.practiceName}`;
    else if (unusable) document.title = 'Signing link · Sanctum';
  }, [view, unusable]);
  useEffect(() => heading.current?.focus(), [done, refusal]);

  // The first problem is shown beside its question, and the cursor goes there.
  const problem = (): [string, string] | null => {
    const missing = missingChoice(choices, channels);
    if (missing) return [missing, 'Please choose yes or no.'];
    if (!name.trim()) return ['name', 'Type your full name.'];
    if (method === 'drawn' && !image) return ['image', 'Draw your signature in the box, or choose to type it instead.'];
    return null;
  };
  const submit = async () => {
    const p = problem();
    if (p) return setField(...p);
    await run(async () => {
      try {
        setDone(await api.post<{ pdfPath: string; signedAt: string }>(path, { signature: { name: name.trim(), method, ...(method === 'drawn' && image ? { image } : {}) }, choices }, { quiet: true }));
      } catch (err) {
        // A used or expired link: nothing on this page can help, so the page says so instead.
        if (err instanceof ApiError && !err.field && (err.status === 410 || err.status === 404)) return setRefusal(err.message);
        throw err;
      }
    });
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
            <h2>Your choices and signature</h2>
            <Form className="sign-form" onSubmit={submit} error={errors.form} busy={busy} submitLabel="Sign the agreement" busyLabel="Signing…" aria-label="Your choices and signature">
              <ChoicesFields state={choices} onChange={setChoices} channels={view.channels} errors={errors.fields} young={young} />
              <TextField label="Your full name" name="name" autoComplete="name" value={name} onChange={setName} error={errors.fields.name} />
              <SignatureFields legend="How would you like to sign?" typedLabel="Type my name as my signature" drawnLabel="Draw my signature" method={method} onMethod={setMethod} onImage={setImage} errors={errors.fields} />
              <p className="hint">Agreement version {view.version}, fingerprint {view.documentHash.slice(0, 16)}…. This link works once and expires {instant(view.expiresAt)}.</p>
            </Form>
          </>
        )}
      </main>
    </div>
  );
}
