import { invalidInput } from '../../core/errors.js';
import type { Jurisdiction } from '../practice/practice.js';

/** Children and young people: age comes from the date of birth on the client's identity. */
export const ADULT_AGE = 18;

export function ageOn(dob: string, today: string): number {
  const [y, m, d] = dob.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export const COMPETENCE_FRAMEWORKS = ['gillick', 'scotland_s2_4', 'presumed_16_17', 'mature_minor', 'emancipated_minor', 'minor_consent_statute'] as const;
export type CompetenceFramework = (typeof COMPETENCE_FRAMEWORKS)[number];

export const FRAMEWORK_LABELS: Record<CompetenceFramework, { label: string; source: string }> = {
  gillick: { label: 'Gillick competence', source: 'Gillick v West Norfolk and Wisbech AHA [1986] AC 112' },
  scotland_s2_4: { label: 'Capable of understanding (Scotland)', source: 'Age of Legal Capacity (Scotland) Act 1991 s.2(4)' },
  presumed_16_17: { label: 'Aged 16 or 17: presumed able to decide', source: 'Mental Capacity Act 2005 s.1-2 (England and Wales); Mental Capacity Act (Northern Ireland) 2016' },
  mature_minor: { label: 'Mature minor', source: 'State law and common law on mature minors; 45 CFR 164.502(g)(3)' },
  emancipated_minor: { label: 'Emancipated minor', source: 'State emancipation law (e.g. Cal. Fam. Code §7050; Tex. Fam. Code ch. 31)' },
  minor_consent_statute: {
    label: 'Minor may consent under a state statute',
    source: 'Cal. Fam. Code §6924; N.Y. Mental Hyg. Law §33.21; Tex. Fam. Code §32.004; Fla. Stat. §394.4784',
  },
};

const isUk = (j: Jurisdiction) => j.startsWith('GB-');

/** The frameworks that make sense for a young person of this age where the practice works. */
export function frameworksFor(j: Jurisdiction, age: number): CompetenceFramework[] {
  if (age >= ADULT_AGE) return [];
  if (j === 'GB-SCT') return age < 16 ? ['scotland_s2_4'] : ['presumed_16_17'];
  if (isUk(j)) return age < 16 ? ['gillick'] : ['presumed_16_17'];
  return ['minor_consent_statute', 'mature_minor', 'emancipated_minor'];
}

/** A recorded competence assessment is expected: under 16 in the UK, under 18 in the US states. */
export const competenceExpected = (j: Jurisdiction, age: number): boolean => (isUk(j) ? age < 16 : age < ADULT_AGE);

/** Knowing who holds parental responsibility matters for every minor. */
export const parentalResponsibilityExpected = (_j: Jurisdiction, age: number): boolean => age < ADULT_AGE;

export function checkReasons(reasons: string | undefined, field = 'reasons'): string {
  const r = (reasons ?? '').trim();
  if (r.length < 10) throw invalidInput(field, 'Write down the reasons for this judgement (at least a sentence).');
  if (r.length > 5000) throw invalidInput(field, 'The reasons are longer than 5,000 characters.');
  return r;
}

export interface ParentInput {
  name: string;
  relationship: string;
  phone?: string;
  email?: string;
  address?: string;
}

export function checkParent(p: Partial<ParentInput>): ParentInput {
  const name = (p.name ?? '').trim();
  if (!name || name.length > 200) throw invalidInput('name', 'Give the name of the person with parental responsibility (up to 200 characters).');
  const relationship = (p.relationship ?? '').trim();
  if (!relationship || relationship.length > 100) throw invalidInput('relationship', 'Say how they are related to the client (for example: mother, guardian).');
  const out: ParentInput = { name, relationship };
  if (p.email?.trim()) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email.trim())) throw invalidInput('email', 'That does not look like an email address.');
    out.email = p.email.trim();
  }
  if (p.phone?.trim()) {
    if (!/^[+()\d\s.-]{6,25}$/.test(p.phone.trim())) throw invalidInput('phone', 'A phone number may hold digits, spaces, +, (, ), - and . only.');
    out.phone = p.phone.trim();
  }
  if (p.address?.trim()) {
    if (p.address.length > 500) throw invalidInput('address', 'The address is longer than 500 characters.');
    out.address = p.address.trim();
  }
  return out;
}
