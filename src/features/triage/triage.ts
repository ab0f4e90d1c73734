/**
 * Request triage: the vocabulary shared by the engine, the rule packs, the CLI and (later) the
 * API and UI. The value lists are the stable contract of `docs/triage.md` and the CLI contract:
 * extend them, never rename or drop a value.
 */

export const JURISDICTIONS = [
  'GB-ENG',
  'GB-WLS',
  'GB-SCT',
  'GB-NIR',
  'US-HIPAA',
  'US-CA',
  'US-NY',
  'US-TX',
  'US-FL',
] as const;

export const REQUESTERS = [
  'media',
  'police',
  'solicitor',
  'court',
  'insurer',
  'gp',
  'health_professional',
  'school',
  'employer',
  'parent',
  'family_member',
  'client',
  'researcher',
  'social_services',
  'regulator',
  'coroner',
  'anonymous',
  'other',
] as const;

export const ASKS = [
  'contact_clients',
  'confirm_client',
  'discuss_case',
  'records',
  'psychotherapy_notes',
  'report',
  'attendance',
] as const;

export const AUTHORITIES = [
  'none',
  'client_authority',
  'court_order',
  'subpoena',
  'warrant',
  'statutory_notice',
] as const;

export const CLIENT_STATUSES = ['current', 'former', 'deceased', 'unknown'] as const;

export const CONCERNS = [
  'terrorism',
  'drug_trafficking',
  'money_laundering',
  'child_abuse',
  'vulnerable_adult_abuse',
  'elder_abuse',
  'suicide_risk',
  'harm_to_others',
  'threat_to_identifiable_person',
  'serious_crime',
] as const;

export const CONSENTS = ['not_sought', 'given', 'refused', 'cannot_discuss'] as const;

/** Highest precedence first: the engine picks the first basis any applicable rule asserts. */
export const BASES = [
  'required_by_law',
  'subject_access',
  'permitted',
  'consent_needed',
  'no_basis',
] as const;

export const RECOMMENDATIONS = ['disclose', 'consider', 'seek_consent', 'decline', 'route_to_sar'] as const;

/** Also the order in which steps are listed in every result. */
export const STEPS = [
  'verify_requester',
  'consult_supervisor',
  'legal_advice',
  'discuss_with_client',
  'assess_capacity',
  'take_time',
  'minimum_necessary',
  'offer_report',
  'do_not_confirm_client',
  'do_not_inform_client',
  'inform_client',
  'document_decision',
] as const;

export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type Requester = (typeof REQUESTERS)[number];
export type Ask = (typeof ASKS)[number];
export type Authority = (typeof AUTHORITIES)[number];
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export type Concern = (typeof CONCERNS)[number];
export type Consent = (typeof CONSENTS)[number];
export type Basis = (typeof BASES)[number];
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export type Step = (typeof STEPS)[number];

export interface TriageClient {
  status: ClientStatus;
  /** Whole years, or null when unknown. */
  age: number | null;
  /** For a minor: assessed able to decide for themselves (Gillick / mature minor); null when not assessed. */
  competent: boolean | null;
  /** Adult capacity to consent now; null when unknown. */
  hasCapacity: boolean | null;
}

export interface TriageInput {
  jurisdiction: Jurisdiction;
  requester: Requester;
  asks: Ask;
  authority: Authority;
  client: TriageClient;
  concerns: Concern[];
  emergency: boolean;
  consent: Consent;
}

export interface TriageReason {
  /** Stable rule id from the pack, e.g. `gb.police.no-court-order`. */
  rule: string;
  /** Plain-language explanation for the practitioner. */
  text: string;
  /** Statute, regulation, case or professional guidance relied on. */
  source: string;
  /** The basis this rule asserts, if any (rules that only add steps have none). */
  basis?: Basis;
  /** False when a higher-precedence basis outranked this rule's basis. */
  applied: boolean;
  /** True where the rule itself says the law is unsettled or changing. */
  unsettled?: boolean;
}

/** A current, specific consent on file that covers the request (supplied by the consent feature). */
export interface ConsentRecordRef {
  consentId: string;
  summary: string;
}

export interface TriageOutput {
  basis: Basis;
  recommendation: Recommendation;
  mustNotInformClient: boolean;
  steps: Step[];
  reasons: TriageReason[];
  /** Additions to the contract: which pack decided and when its law was last checked. */
  jurisdiction: Jurisdiction;
  packVersion: string;
  lastChecked: string;
  consentRecord: ConsentRecordRef | null;
}

export interface TriageOptions {
  /** Look up a current specific consent covering this request; null when there is none. */
  consentLookup?: (input: TriageInput) => ConsentRecordRef | null;
  /** Directory holding the rule packs; defaults to `rules/triage` under the package root. */
  packDir?: string;
}
