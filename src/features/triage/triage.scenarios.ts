/**
 * One or more request scenarios per rule id, used by the tests to prove every rule in every pack
 * fires on the situation it was written for. A scenario runs in every jurisdiction whose resolved
 * pack contains the rule (or only those listed). Adding a rule without a scenario fails the tests.
 */
import type { Basis, Jurisdiction, TriageClient, TriageInput } from './triage.js';

export interface Scenario {
  rule: string;
  input: Omit<Partial<TriageInput>, 'client'> & { client?: Partial<TriageClient> };
  only?: Jurisdiction[];
  expectBasis?: Basis;
}

export function request(j: Jurisdiction, s: Scenario['input'] = {}): TriageInput {
  const { client, ...rest } = s;
  return {
    jurisdiction: j,
    requester: 'other',
    asks: 'discuss_case',
    authority: 'none',
    concerns: [],
    emergency: false,
    consent: 'not_sought',
    ...rest,
    client: { status: 'current', age: 34, competent: null, hasCapacity: true, ...client },
  };
}

const sc = (rule: string, input: Scenario['input'], extra: Partial<Scenario> = {}): Scenario => ({ rule, input, ...extra });

const COMMON: Scenario[] = [
  // Requests any pack must answer; ids differ by prefix (gb./us.) so both are listed.
  ...['gb', 'us'].flatMap((p) => [
    sc(p === 'gb' ? 'gb.client.own-request' : 'us.client.right-of-access', { requester: 'client', asks: 'records' }, { expectBasis: 'subject_access' }),
    sc(`${p}.court-order`, { requester: 'court', asks: 'records', authority: 'court_order' }, { expectBasis: 'required_by_law' }),
    sc(`${p}.statutory-notice`, { requester: 'regulator', asks: 'records', authority: 'statutory_notice' }, { expectBasis: 'required_by_law' }),
    sc(`${p}.warrant`, { requester: 'police', asks: 'records', authority: 'warrant' }, { expectBasis: 'required_by_law' }),
    sc(`${p}.consent.given`, { requester: 'school', consent: 'given' }, { expectBasis: 'permitted' }),
    sc(`${p}.consent.refused`, { requester: 'school', consent: 'refused' }, { expectBasis: 'no_basis' }),
    sc(`${p}.media.decline`, { requester: 'media', asks: 'contact_clients' }, { expectBasis: 'no_basis' }),
    sc(`${p}.no-standing.decline`, { requester: 'employer', asks: 'attendance' }, { expectBasis: 'no_basis' }),
    sc(`${p}.no-standing.decline`, { requester: 'family_member', asks: 'discuss_case' }, { expectBasis: 'no_basis' }),
    sc(`${p}.no-standing.decline`, { requester: 'anonymous', asks: 'confirm_client' }, { expectBasis: 'no_basis' }),
    sc(`${p}.parent.adult-child`, { requester: 'parent', client: { age: 22 } }, { expectBasis: 'no_basis' }),
    sc(`${p}.researcher`, { requester: 'researcher', asks: 'records' }, { expectBasis: 'consent_needed' }),
    sc(`${p}.third-party.consent-needed`, { requester: 'school', asks: 'attendance' }, { expectBasis: 'consent_needed' }),
    sc(`${p}.solicitor.no-authority`, { requester: 'solicitor', asks: 'records' }, { expectBasis: 'consent_needed' }),
    sc(`${p}.client-authority`, { requester: 'solicitor', asks: 'records', authority: 'client_authority' }, { expectBasis: 'permitted' }),
    sc(`${p}.confirm-client`, { requester: 'anonymous', asks: 'confirm_client' }),
    sc(`${p}.former-client`, { requester: 'solicitor', client: { status: 'former' } }),
    sc(`${p}.deceased-client`, { requester: 'solicitor', client: { status: 'deceased' } }),
    sc(`${p}.capacity.check`, { requester: 'solicitor', authority: 'client_authority', client: { hasCapacity: null } }),
    // A parent of a client whose age is unknown: no rule applies, so the default is to decline.
    sc(`${p}.default.decline`, { requester: 'parent', client: { age: null } }, { expectBasis: 'no_basis' }),
  ]),
];

const GB: Scenario[] = [
  sc('gb.witness-summons', { requester: 'solicitor', asks: 'records', authority: 'subpoena' }, { expectBasis: 'required_by_law' }),
  sc('gb.police.no-court-order', { requester: 'police', asks: 'records' }, { expectBasis: 'consent_needed' }),
  sc('gb.coroner.request', { requester: 'coroner', asks: 'records', client: { status: 'deceased' } }),
  sc('gb.terrorism', { requester: 'police', concerns: ['terrorism'] }, { expectBasis: 'required_by_law' }),
  sc('gb.poca.regulated-sector', { requester: 'other', concerns: ['money_laundering'] }),
  sc('gb.poca.regulated-sector', { requester: 'police', concerns: ['drug_trafficking'] }),
  sc('gb.tipping-off.other-requester', { requester: 'solicitor', concerns: ['drug_trafficking'] }),
  sc('gb.serious-crime', { requester: 'police', concerns: ['serious_crime'] }),
  sc('gb.safeguarding.child', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'permitted' }),
  sc('gb.safeguarding.adult', { requester: 'social_services', concerns: ['elder_abuse'] }, { expectBasis: 'permitted' }),
  sc('gb.safeguarding.adult', { requester: 'social_services', concerns: ['vulnerable_adult_abuse'] }),
  sc('gb.risk.suicide', { requester: 'gp', concerns: ['suicide_risk'] }, { expectBasis: 'permitted' }),
  sc('gb.risk.harm-to-others', { requester: 'police', concerns: ['harm_to_others'] }),
  sc('gb.risk.harm-to-others', { requester: 'family_member', concerns: ['threat_to_identifiable_person'] }),
  sc('gb.emergency', { requester: 'health_professional', concerns: ['suicide_risk'], emergency: true }, { expectBasis: 'permitted' }),
  sc('gb.client-authority.cannot-discuss', { requester: 'solicitor', authority: 'client_authority', consent: 'cannot_discuss' }),
  sc('gb.parent.competent-young-person', { requester: 'parent', client: { age: 15, competent: true } }, { expectBasis: 'consent_needed' }),
  sc('gb.parent.competent-young-person', { requester: 'parent', client: { age: 17, competent: null } }),
  sc('gb.parent.competence-not-assessed', { requester: 'parent', client: { age: 13, competent: null } }, { expectBasis: 'consent_needed' }),
  sc('gb.parent.not-competent', { requester: 'parent', client: { age: 9, competent: false } }, { expectBasis: 'permitted' }),
  sc('gb.health-team', { requester: 'gp', asks: 'discuss_case' }, { expectBasis: 'consent_needed' }),
  sc('gb.insurer', { requester: 'insurer', asks: 'report' }, { expectBasis: 'consent_needed' }),
  sc('gb.regulator', { requester: 'regulator', asks: 'records' }, { expectBasis: 'consent_needed' }),
  sc('gb.process-notes', { requester: 'solicitor', asks: 'psychotherapy_notes', authority: 'client_authority' }),
  sc('ni.cla-s5.report', { requester: 'police', concerns: ['serious_crime'] }, { only: ['GB-NIR'], expectBasis: 'required_by_law' }),
  sc('ni.cla-s5.report', { requester: 'other', concerns: ['child_abuse'] }, { only: ['GB-NIR'], expectBasis: 'required_by_law' }),
];

const US: Scenario[] = [
  sc('us.client.psychotherapy-notes', { requester: 'client', asks: 'psychotherapy_notes' }, { expectBasis: 'subject_access' }),
  sc('us.subpoena', { requester: 'solicitor', asks: 'records', authority: 'subpoena' }, { expectBasis: 'consent_needed' }),
  sc('us.police.no-order', { requester: 'police', asks: 'records' }, { expectBasis: 'consent_needed' }),
  sc('us.child-abuse.report', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('us.adult-abuse.report', { requester: 'social_services', concerns: ['elder_abuse'] }, { expectBasis: 'permitted' }),
  sc('us.risk.serious-threat', { requester: 'police', concerns: ['harm_to_others'] }),
  sc('us.risk.serious-threat', { requester: 'family_member', concerns: ['suicide_risk'] }),
  sc('us.emergency', { requester: 'health_professional', concerns: ['suicide_risk'], emergency: true }),
  sc('us.terrorism', { requester: 'police', concerns: ['terrorism'] }, { expectBasis: 'permitted' }),
  sc('us.crime.no-general-duty', { requester: 'police', concerns: ['drug_trafficking'] }, { expectBasis: 'consent_needed' }),
  sc('us.psychotherapy-notes.specific-authorization', { requester: 'insurer', asks: 'psychotherapy_notes' }, { expectBasis: 'consent_needed' }),
  sc('us.psychotherapy-notes.specific-authorization', { requester: 'solicitor', asks: 'psychotherapy_notes', authority: 'client_authority' }, { expectBasis: 'consent_needed' }),
  sc('us.parent.personal-representative', { requester: 'parent', client: { age: 9, competent: false } }, { expectBasis: 'permitted' }),
  sc('us.parent.minor-consented', { requester: 'parent', client: { age: 15, competent: true } }, { expectBasis: 'consent_needed' }),
  sc('us.treatment.provider', { requester: 'gp', asks: 'records' }, { expectBasis: 'permitted' }),
  sc('us.insurer.payment', { requester: 'insurer', asks: 'records' }, { expectBasis: 'permitted' }),
  sc('us.coroner', { requester: 'coroner', client: { status: 'deceased' } }, { expectBasis: 'permitted' }),
  sc('us.regulator.oversight', { requester: 'regulator', asks: 'records' }, { expectBasis: 'permitted' }),
  sc('ca.child-abuse.mandated-report', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('ca.adult-abuse.mandated-report', { requester: 'social_services', concerns: ['elder_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('ca.threat.duty-to-protect', { requester: 'police', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'required_by_law' }),
  sc('ca.threat.duty-to-protect', { requester: 'family_member', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'required_by_law' }),
  sc('ca.minor.family-code-6924', { requester: 'parent', client: { age: 15, competent: true } }, { expectBasis: 'consent_needed' }),
  sc('ca.parent.under-12', { requester: 'parent', client: { age: 10, competent: true } }, { expectBasis: 'permitted' }),
  sc('ca.subpoena.privilege', { requester: 'solicitor', asks: 'records', authority: 'subpoena' }),
  sc('ny.child-abuse.mandated-report', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('ny.mhl-9-46.report', { requester: 'other', concerns: ['suicide_risk'] }, { expectBasis: 'required_by_law' }),
  sc('ny.adult-abuse.permissive', { requester: 'social_services', concerns: ['elder_abuse'] }, { expectBasis: 'permitted' }),
  sc('tx.child-abuse.48-hours', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('tx.adult-abuse.report', { requester: 'social_services', concerns: ['vulnerable_adult_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('tx.risk.imminent-injury', { requester: 'police', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'permitted' }),
  sc('tx.risk.no-family-warning', { requester: 'family_member', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'no_basis' }),
  sc('tx.emergency', { requester: 'health_professional', concerns: ['suicide_risk'], emergency: true }, { expectBasis: 'permitted' }),
  sc('fl.child-abuse.report', { requester: 'social_services', concerns: ['child_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('fl.adult-abuse.report', { requester: 'social_services', concerns: ['vulnerable_adult_abuse'] }, { expectBasis: 'required_by_law' }),
  sc('fl.threat.law-enforcement', { requester: 'police', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'required_by_law' }),
  sc('fl.threat.warn-victim', { requester: 'family_member', concerns: ['threat_to_identifiable_person'] }, { expectBasis: 'permitted' }),
  sc('fl.risk.baker-act', { requester: 'gp', concerns: ['suicide_risk'] }, { expectBasis: 'permitted' }),
];

export const SCENARIOS: Scenario[] = [...COMMON, ...GB, ...US];
