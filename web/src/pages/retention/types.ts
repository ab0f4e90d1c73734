export interface Policy {
  jurisdiction: string;
  basePolicy: string;
  title: string;
  adultYears: number;
  minorUntilBirthday: number;
  minorUntilBirthdayAt17: number;
  processNotesYears: number | null;
  reason: string | null;
  isDefault: boolean;
  needsLocalCheck: boolean;
  sources: string[];
}

export interface Hold {
  kind: string;
  source: string;
  ref: string;
  reason: string;
  placedAt: string | null;
  caseCode?: string;
}

export interface ScheduledCase {
  caseCode: string;
  lastContact: string;
  lastContactFrom: 'session' | 'case_closed';
  dateOfBirthKnown: boolean;
  retainUntil: string;
  rule: 'adult' | 'minor';
  ageAtLastContact: number | null;
  processNotesUntil: string | null;
  due: boolean;
  processNotesDue: boolean;
  holds: Hold[];
}

export interface Certificate {
  id: string;
  number: string;
  caseCode: string;
  scope: 'whole_record' | 'process_notes';
  destroyedAt: string;
  approverName: string;
}

export const HOLD_LABELS: Record<string, string> = {
  litigation: 'Litigation',
  information_request: 'Open request for information',
  subject_access: 'Open subject access or rights request',
  breach_investigation: 'Breach investigation',
  other: 'Other',
};

export const ruleWords = (c: ScheduledCase) =>
  c.rule === 'minor' ? `child rule (${c.ageAtLastContact} at the last contact)` : c.dateOfBirthKnown ? 'adult rule' : 'adult rule (date of birth not recorded)';
