import { describe, expect, it } from 'vitest';
import { listRules, triage } from './triage.engine.js';
import { SCENARIOS, request } from './triage.scenarios.js';
import { JURISDICTIONS, STEPS, type Jurisdiction } from './triage.js';

const run = (j: Jurisdiction, s: Parameters<typeof request>[1]) => triage(request(j, s));
const fired = (out: ReturnType<typeof triage>) => out.reasons.map((r) => r.rule);

describe('seed scenarios', () => {
  it('a TV researcher wanting to meet couples is declined without confirming anyone is a client', () => {
    const out = run('GB-ENG', { requester: 'media', asks: 'contact_clients' });
    expect(out).toMatchObject({ basis: 'no_basis', recommendation: 'decline', mustNotInformClient: false });
    expect(out.steps).toEqual(['do_not_confirm_client', 'document_decision']);
    expect(fired(out)).toEqual(['gb.media.decline']);
  });

  it('police without a court order in England need the client\'s consent (the contract example)', () => {
    const out = run('GB-ENG', { requester: 'police', asks: 'records' });
    expect(out.basis).toBe('consent_needed');
    expect(out.recommendation).toBe('seek_consent');
    expect(out.steps).toEqual(['verify_requester', 'consult_supervisor', 'legal_advice', 'discuss_with_client', 'document_decision']);
    expect(out.reasons[0]).toMatchObject({ rule: 'gb.police.no-court-order', applied: true });
    expect(out.reasons[0].source).toMatch(/Police and Criminal Evidence Act 1984 s\.11/);
  });

  it('a court order is required by law and limited to the minimum necessary', () => {
    for (const j of JURISDICTIONS) {
      const out = run(j, { requester: 'court', asks: 'records', authority: 'court_order' });
      expect(out.basis, j).toBe('required_by_law');
      expect(out.recommendation).toBe('disclose');
      expect(out.steps).toContain('minimum_necessary');
    }
  });

  it('a solicitor with an ex-client\'s written authority: permitted, but discuss first and offer a report', () => {
    const out = run('GB-ENG', { requester: 'solicitor', asks: 'records', authority: 'client_authority', client: { status: 'former' } });
    expect(out.basis).toBe('permitted');
    expect(out.recommendation).toBe('consider');
    expect(out.steps).toEqual(expect.arrayContaining(['discuss_with_client', 'offer_report', 'minimum_necessary']));
    expect(fired(out)).toEqual(expect.arrayContaining(['gb.client-authority', 'gb.former-client']));
  });

  it('a parent asking about a competent 15-year-old needs the young person\'s consent', () => {
    const out = run('GB-ENG', { requester: 'parent', client: { age: 15, competent: true } });
    expect(out.basis).toBe('consent_needed');
    expect(out.recommendation).toBe('seek_consent');
    expect(out.reasons[0].source).toMatch(/Gillick/);
    const scot = run('GB-SCT', { requester: 'parent', client: { age: 15, competent: true } });
    expect(scot.reasons[0].source).toMatch(/Age of Legal Capacity \(Scotland\) Act 1991 ss\.1 and 2\(4\)/);
    const refused = run('GB-ENG', { requester: 'parent', client: { age: 15, competent: true }, consent: 'refused' });
    expect(refused.basis).toBe('no_basis');
  });

  it('a child at risk: discretionary referral in England, mandated report in California', () => {
    const eng = run('GB-ENG', { requester: 'social_services', concerns: ['child_abuse'] });
    expect(eng).toMatchObject({ basis: 'permitted', recommendation: 'consider' });
    expect(eng.steps).toEqual(expect.arrayContaining(['consult_supervisor', 'legal_advice', 'take_time']));
    expect(eng.reasons[0].unsettled).toBe(true);
    const ca = run('US-CA', { requester: 'social_services', concerns: ['child_abuse'] });
    expect(ca).toMatchObject({ basis: 'required_by_law', recommendation: 'disclose' });
    expect(ca.reasons[0].source).toMatch(/Penal Code §11165.7.*§11166\(a\)/);
  });
});

describe('precedence', () => {
  it('a legal obligation overrides the client\'s refusal', () => {
    const out = run('GB-ENG', { requester: 'court', authority: 'court_order', consent: 'refused' });
    expect(out.basis).toBe('required_by_law');
    const refusal = out.reasons.find((r) => r.rule === 'gb.consent.refused')!;
    expect(refusal.applied).toBe(false);
    expect(out.reasons[0].applied).toBe(true);
  });

  it('a public-interest permission overrides a refusal; a refusal beats a request needing consent', () => {
    expect(run('GB-WLS', { requester: 'police', concerns: ['harm_to_others'], consent: 'refused' }).basis).toBe('permitted');
    expect(run('GB-ENG', { requester: 'police', consent: 'refused' }).basis).toBe('no_basis');
  });

  it('an emergency removes take_time', () => {
    const calm = run('GB-ENG', { requester: 'gp', concerns: ['suicide_risk'] });
    expect(calm.steps).toContain('take_time');
    const urgent = run('GB-ENG', { requester: 'gp', concerns: ['suicide_risk'], emergency: true });
    expect(urgent.steps).not.toContain('take_time');
    expect(urgent.recommendation).toBe('disclose');
  });

  it('tipping off: must-not-inform removes inform_client and adds do_not_inform_client', () => {
    const out = run('GB-ENG', { requester: 'police', authority: 'court_order', concerns: ['terrorism'] });
    expect(out.mustNotInformClient).toBe(true);
    expect(out.steps).toContain('do_not_inform_client');
    expect(out.steps).not.toContain('inform_client');
    expect(out.steps).not.toContain('discuss_with_client');
    // Without the concern the same order would have the client told.
    expect(run('GB-ENG', { requester: 'police', authority: 'court_order' }).steps).toContain('inform_client');
  });

  it('tipping off still applies when the requester is not the police', () => {
    const out = run('GB-SCT', { requester: 'solicitor', concerns: ['money_laundering'] });
    expect(out.mustNotInformClient).toBe(true);
    expect(out.steps).toContain('do_not_inform_client');
  });

  it('Northern Ireland turns a discretionary crime disclosure into a duty', () => {
    expect(run('GB-ENG', { requester: 'police', concerns: ['serious_crime'] }).basis).toBe('permitted');
    const ni = run('GB-NIR', { requester: 'police', concerns: ['serious_crime'] });
    expect(ni.basis).toBe('required_by_law');
    expect(ni.reasons[0].rule).toBe('ni.cla-s5.report');
  });

  it('threats to an identifiable person differ by state', () => {
    const threat: Parameters<typeof request>[1] = { requester: 'police', concerns: ['threat_to_identifiable_person'] };
    expect(run('US-CA', threat).basis).toBe('required_by_law');
    expect(run('US-FL', threat).basis).toBe('required_by_law');
    expect(run('US-TX', threat).basis).toBe('permitted');
    expect(run('US-HIPAA', threat).basis).toBe('permitted');
    expect(run('US-TX', { ...threat, requester: 'family_member' }).basis).toBe('no_basis');
    expect(run('US-CA', { ...threat, requester: 'family_member' }).basis).toBe('required_by_law');
  });

  it('an insurer asking for psychotherapy notes needs a specific authorisation even with a general one', () => {
    const out = run('US-NY', { requester: 'insurer', asks: 'psychotherapy_notes', authority: 'client_authority' });
    expect(out.basis).toBe('consent_needed');
    expect(out.reasons[0].source).toMatch(/164\.508\(a\)\(2\)/);
  });

  it('the client asking for their own records is routed to subject access', () => {
    expect(run('GB-ENG', { requester: 'client', asks: 'records' })).toMatchObject({ basis: 'subject_access', recommendation: 'route_to_sar' });
    expect(run('US-FL', { requester: 'client', asks: 'records' })).toMatchObject({ basis: 'subject_access', recommendation: 'route_to_sar' });
  });
});

describe('output shape', () => {
  it('always has document_decision, no duplicate steps, steps in contract order, one reason per fired rule', () => {
    for (const j of JURISDICTIONS) {
      for (const s of SCENARIOS) {
        const out = run(j, s.input);
        expect(out.steps).toContain('document_decision');
        expect(new Set(out.steps).size).toBe(out.steps.length);
        expect(out.steps).toEqual(STEPS.filter((x) => out.steps.includes(x)));
        expect(new Set(fired(out)).size).toBe(out.reasons.length);
        expect(out.reasons.length).toBeGreaterThan(0);
      }
    }
  });

  it('is deterministic and reports the pack and when its law was checked', () => {
    const a = run('US-TX', { requester: 'police', asks: 'records' });
    expect(run('US-TX', { requester: 'police', asks: 'records' })).toEqual(a);
    expect(a.jurisdiction).toBe('US-TX');
    expect(a.packVersion).toBe('US-TX 2026.11.1 + US-HIPAA 2026.11.1');
    expect(a.lastChecked).toBe('2026-11-21');
    expect(a.consentRecord).toBeNull();
  });
});

describe('consent lookup', () => {
  const consentLookup = () => ({ consentId: 'c-1', summary: 'Report to the employee assistance provider, until 2027-01-31' });

  it('a current specific consent makes the disclosure permitted and says so', () => {
    const out = triage(request('GB-ENG', { requester: 'employer', asks: 'report' }), { consentLookup });
    expect(out.basis).toBe('permitted');
    expect(out.consentRecord).toEqual(consentLookup());
    expect(out.reasons[0]).toMatchObject({ rule: 'consent.on-record', source: 'Consent record c-1' });
  });

  it('never overrides a refusal, and is not consulted for a legal obligation\'s outcome', () => {
    const refused = triage(request('GB-ENG', { requester: 'employer', consent: 'refused' }), { consentLookup });
    expect(refused.basis).toBe('no_basis');
    expect(refused.consentRecord?.consentId).toBe('c-1');
    const order = triage(request('GB-ENG', { requester: 'court', authority: 'court_order' }), { consentLookup });
    expect(order.basis).toBe('required_by_law');
  });

  it('null from the lookup changes nothing', () => {
    const input = request('GB-ENG', { requester: 'employer' });
    expect(triage(input, { consentLookup: () => null })).toEqual(triage(input));
  });
});

describe('listRules', () => {
  it('lists every rule with a citation, per jurisdiction', () => {
    const tx = listRules('US-TX');
    expect(tx.every((r) => r.jurisdiction === 'US-TX' && r.source.length > 5 && r.lastChecked === '2026-11-21')).toBe(true);
    expect(tx.map((r) => r.id)).toContain('tx.risk.imminent-injury');
    expect(listRules().length).toBeGreaterThan(tx.length);
  });
});
