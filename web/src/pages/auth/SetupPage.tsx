import { type TotpEnrolment, api } from '../../api.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { GateLayout } from '../../components/GateLayout.js';
import { useFieldValues } from '../../components/useFieldValues.js';
import { useSubmit } from '../../components/useSubmit.js';
import { JURISDICTIONS } from './jurisdictions.js';
import { PasswordWithStrength } from './PasswordWithStrength.js';

const FIELDS = ['practiceName', 'jurisdiction', 'displayName', 'email', 'password', 'passphrase', 'passphraseAgain'] as const;
const JURISDICTION_CHOICES = JURISDICTIONS.map((j) => ({ value: j.code, label: j.label }));

/** First run: the practice, the first account, and the vault passphrase. */
export function SetupPage({ onDone }: { onDone: (enrolment: TotpEnrolment) => void }) {
  const { errors, clear, setField, busy, run } = useSubmit(FIELDS);
  const { values: form, bind } = useFieldValues({ practiceName: '', jurisdiction: 'GB-ENG', displayName: '', email: '', password: '', passphrase: '', passphraseAgain: '' }, errors.fields);

  const submit = async () => {
    clear();
    if (!form.practiceName.trim()) return setField('practiceName', 'Enter the name of your practice.');
    if (!form.displayName.trim()) return setField('displayName', 'Enter your name.');
    if (!form.email.includes('@')) return setField('email', 'Enter an email address, like name@example.org.');
    if (form.password.length < 12) return setField('password', 'Use at least 12 characters.');
    if (form.passphrase.length < 12) return setField('passphrase', 'Use at least 12 characters.');
    if (form.passphrase === form.password) return setField('passphrase', 'Choose a passphrase different from your password.');
    if (form.passphrase !== form.passphraseAgain) return setField('passphraseAgain', 'The two passphrases are not the same.');
    await run(async () => {
      // UK practices run on UK time whatever the computer says; a US practice takes the US zone it
      // is set up in, or else its state's (chosen by the server).
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const timeZone = form.jurisdiction.startsWith('GB-') ? 'Europe/London' : /^(America|Pacific)\//.test(browserZone) ? browserZone : undefined;
      const { passphraseAgain: _again, ...body } = form;
      const enrolment = await api.post<TotpEnrolment>('/api/setup', { ...body, practiceName: form.practiceName.trim(), displayName: form.displayName.trim(), email: form.email.trim(), timeZone }, { quiet: true });
      onDone(enrolment);
    });
  };

  return (
    <GateLayout wide>
      <div className="gate-card">
        <p className="step">Step 1 of 2</p>
        <h1 tabIndex={-1}>Set up your practice</h1>
        <p className="lead">This takes a couple of minutes. Everything you enter stays on this server.</p>
        <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Create practice and continue" busyLabel="Setting up… this can take a few seconds">
          <fieldset>
            <legend>Your practice</legend>
            <TextField label="Practice name" hint="Shown at the top of every screen and on letters." {...bind('practiceName')} autoComplete="organization" />
            <SelectField label="Where you practise" hint="Sets the laws, deadlines and record-keeping rules Sanctum applies." {...bind('jurisdiction')} options={JURISDICTION_CHOICES} />
          </fieldset>
          <fieldset>
            <legend>Your account</legend>
            <TextField label="Your name" {...bind('displayName')} autoComplete="name" />
            <TextField label="Email address" hint="You sign in with this." {...bind('email')} type="email" autoComplete="username" />
            <PasswordWithStrength label="Password" {...bind('password')} />
          </fieldset>
          <fieldset>
            <legend>Vault passphrase</legend>
            <div className="callout callout-warning">
              <p>
                <strong>The vault passphrase unlocks every record whenever Sanctum starts.</strong> It is separate from your password
                and it <strong>cannot be recovered or reset</strong>: if it is lost, the records cannot be opened by anyone, including us.
              </p>
              <p>Write it down and keep it somewhere safe and offline, such as a locked drawer or a password manager.</p>
            </div>
            <TextField label="Vault passphrase" hint="At least 12 characters and not a common phrase; a few unrelated words work well." {...bind('passphrase')} type="password" autoComplete="off" />
            <TextField label="Vault passphrase again" {...bind('passphraseAgain')} type="password" autoComplete="off" />
          </fieldset>
        </Form>
      </div>
    </GateLayout>
  );
}
