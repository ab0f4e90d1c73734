import { invalidInput } from '../../core/errors.js';

export const JURISDICTIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'US-CA', 'US-NY', 'US-TX', 'US-FL'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface Practice {
  id: string;
  name: string;
  jurisdiction: Jurisdiction;
  timeZone: string;
}

export const defaultTimeZone = (j: Jurisdiction): string =>
  ({ 'US-CA': 'America/Los_Angeles', 'US-NY': 'America/New_York', 'US-TX': 'America/Chicago', 'US-FL': 'America/New_York' } as Record<string, string>)[j] ?? 'Europe/London';

export function checkPracticeInput(input: { name?: string; jurisdiction?: string; timeZone?: string }): Omit<Practice, 'id'> {
  const name = (input.name ?? '').trim();
  if (!name || name.length > 200) throw invalidInput('practiceName', 'Give the practice a name (up to 200 characters).');
  const jurisdiction = (input.jurisdiction ?? 'GB-ENG') as Jurisdiction;
  if (!JURISDICTIONS.includes(jurisdiction)) throw invalidInput('jurisdiction', `expected one of ${JURISDICTIONS.join(', ')}`);
  const timeZone = input.timeZone || defaultTimeZone(jurisdiction);
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw invalidInput('timeZone', 'Unknown time zone; use an IANA name such as Europe/London.');
  }
  return { name, jurisdiction, timeZone };
}
