import { TextArea, TextField } from '../../components/fields.js';
import type { useFieldValues } from '../../components/useFieldValues.js';

export const IDENTITY_FIELDS = ['name', 'pronouns', 'dob', 'email', 'phone', 'address', 'gp', 'emergencyContact'] as const;
export type IdentityValues = Record<(typeof IDENTITY_FIELDS)[number], string>;
export const NO_IDENTITY: IdentityValues = { name: '', pronouns: '', dob: '', email: '', phone: '', address: '', gp: '', emergencyContact: '' };

/** Who the client is and how to reach them: the same fields when a case is opened and when they are corrected. */
export function IdentityFields({ bind, autoFocus }: { bind: ReturnType<typeof useFieldValues<IdentityValues>>['bind']; autoFocus?: boolean }) {
  return (
    <>
      <TextField label="Full name" {...bind('name')} autoComplete="off" autoFocus={autoFocus} />
      <TextField label="Pronouns" optional {...bind('pronouns')} autoComplete="off" />
      <TextField label="Date of birth" optional {...bind('dob')} type="date" />
      <TextField label="Email" optional {...bind('email')} type="email" autoComplete="off" />
      <TextField label="Phone" optional {...bind('phone')} type="tel" autoComplete="off" />
      <TextField label="GP or primary care provider" optional {...bind('gp')} autoComplete="off" />
      <TextArea label="Address" optional {...bind('address')} rows={3} />
      <TextArea label="Emergency contact" optional hint="Name, relationship and phone." {...bind('emergencyContact')} rows={3} />
    </>
  );
}
