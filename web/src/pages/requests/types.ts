/** The request and disclosure shapes the server sends (from its OpenAPI document), and their plain-language labels. */
import type { ResponseOf } from '../../api/contract.js';

export type RequestSummary = ResponseOf<'/api/requests', 'get'>[number];
export type RequestView = ResponseOf<'/api/requests/{id}', 'get'>;
export type StepEntry = NonNullable<RequestView['checklist'][number]['latest']>;

export const REQUESTER_LABELS: Record<string, string> = {
  media: 'Media (journalist, producer, programme researcher)', police: 'Police', solicitor: 'Solicitor', court: 'Court', insurer: 'Insurer',
  gp: 'GP', health_professional: 'Another health professional', school: 'School', employer: 'Employer', parent: 'Parent or carer',
  family_member: 'Family member', client: 'The client', researcher: 'Academic researcher', social_services: 'Social services',
  regulator: 'Regulator', coroner: 'Coroner', anonymous: 'Anonymous caller', other: 'Someone else',
};

export const ASK_LABELS: Record<string, string> = {
  contact_clients: 'To contact clients', confirm_client: 'Whether someone is a client', discuss_case: 'To discuss a case',
  records: 'Copies of records', psychotherapy_notes: 'Process (psychotherapy) notes', report: 'A report', attendance: 'Dates of attendance',
};

export const AUTHORITY_LABELS: Record<string, string> = {
  none: 'None shown', client_authority: 'The client’s written authority', court_order: 'A court order', subpoena: 'A subpoena or witness summons',
  warrant: 'A warrant', statutory_notice: 'A statutory notice',
};

export const CONCERN_LABELS: Record<string, string> = {
  terrorism: 'Terrorism', drug_trafficking: 'Drug trafficking', money_laundering: 'Money laundering', child_abuse: 'A child at risk of abuse',
  vulnerable_adult_abuse: 'A vulnerable adult at risk', elder_abuse: 'An older person at risk', suicide_risk: 'Risk of suicide or serious self-harm',
  harm_to_others: 'Risk of serious harm to others', threat_to_identifiable_person: 'A threat to a particular person', serious_crime: 'A serious crime',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open', awaiting_consent: 'Awaiting the client’s consent', awaiting_advice: 'Awaiting advice', decided: 'Decided', closed: 'Closed',
};

/** The triage basis in plain words: what the law lets (or makes) the practitioner do. */
export const BASIS_WORDS: Record<string, { title: string; text: string }> = {
  required_by_law: { title: 'Required by law', text: 'The law obliges you to disclose. Check the instrument is genuine and give exactly what it requires, no more.' },
  permitted: { title: 'Permitted without consent', text: 'The law allows a disclosure here (public interest, or the client has authorised it). It is still your judgement: weigh it, consult, decide.' },
  consent_needed: { title: 'Only with the client’s consent', text: 'Nothing obliges or permits you to disclose without the client agreeing. Discuss it with them first; without consent, decline.' },
  no_basis: { title: 'No basis to disclose', text: 'There is no ground to share anything. Decline politely, without confirming or denying that the person is a client.' },
  subject_access: { title: 'The person’s own information', text: 'This is someone asking for what you hold about them: handle it as a subject access request.' },
};

export const RECOMMENDATION_LABELS: Record<string, string> = {
  disclose: 'Disclose the minimum required', consider: 'Consider: a judgement call', seek_consent: 'Seek the client’s consent', decline: 'Decline', route_to_sar: 'Handle as subject access',
};

export const STEP_LABELS: Record<string, string> = {
  verify_requester: 'Verify the requester and their instrument', consult_supervisor: 'Consult your supervisor', legal_advice: 'Take legal advice',
  discuss_with_client: 'Discuss it with the client', assess_capacity: 'Assess capacity or competence', take_time: 'Take time to reflect (unless it is an emergency)',
  minimum_necessary: 'Disclose only the minimum necessary', offer_report: 'Offer a report instead of records', do_not_confirm_client: 'Do not confirm whether the person is a client',
  do_not_inform_client: 'Do not tell the client', inform_client: 'Tell the client', document_decision: 'Record the decision',
};

export const OUTCOME_LABELS: Record<string, string> = {
  decline: 'Decline', disclose_in_full: 'Disclose in full', disclose_in_part: 'Disclose in part', provide_report: 'Provide a report instead',
};

export const LETTER_LABELS: Record<string, string> = {
  decline: 'Courteous decline', request_instrument: 'Ask for the proper legal instrument', covering: 'Covering letter for a disclosure', report_template: 'Report in place of records (template)',
};

export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
