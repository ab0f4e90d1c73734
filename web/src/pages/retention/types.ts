/** Shapes from src/features/retention/retention.routes.ts, from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type Policy = ResponseOf<'/api/retention/policy', 'get'>['policy'];
export type Hold = ResponseOf<'/api/retention/holds', 'get'>[number];
export type ScheduledCase = ResponseOf<'/api/retention/queue', 'get'>[number];
export type Certificate = ResponseOf<'/api/retention/certificates', 'get'>[number];

export const HOLD_LABELS: Record<string, string> = {
  litigation: 'Litigation',
  information_request: 'Open request for information',
  subject_access: 'Open subject access or rights request',
  breach_investigation: 'Breach investigation',
  other: 'Other',
};

export const ruleWords = (c: ScheduledCase) =>
  c.rule === 'minor' ? `child rule (${c.ageAtLastContact} at the last contact)` : c.dateOfBirthKnown ? 'adult rule' : 'adult rule (date of birth not recorded)';
