import { afterEach, describe, expect, it } from 'vitest';
import { setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { addClient, auditActions, prepare } from './consent.test-helpers.js';
import { ageOn, frameworksFor } from './young.js';

type Status = { audience: string; warnings: { code: string }[]; youngPerson: { applies: boolean; age: number; frameworks: { id: string }[]; competence: { framework: string; competent: boolean; reasons: string; label: string }[]; parents: { name: string; relationship: string; phone?: string }[] } };

describe('children and young people', () => {
  let ctx: TestContext;
  afterEach(async () => ctx.cleanup());

  it('a 15-year-old in England: plain-words agreement, Gillick assessment and parental responsibility', async () => {
    ctx = await testContext();
    const { api } = await setUpPractice(ctx);
    const id = await addClient(api, { name: 'Sam Rivers', dob: '2011-03-15' });
    const before = (await api.get(`/api/clients/${id}/consent`)).json() as Status;
    expect(before.audience).toBe('young');
    expect(before.youngPerson).toMatchObject({ applies: true, age: 15, frameworks: [{ id: 'gillick' }] });
    expect(before.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['competence_not_assessed', 'parental_responsibility_missing']));
    expect((await prepare(api, id)).templateKey).toBe('GB-ENG/private/young');

    const wrong = await api.post(`/api/clients/${id}/consent/competence`, { framework: 'mature_minor', competent: true, reasons: 'Seems mature enough for this.' });
    expect(wrong.json()).toMatchObject({ error: { field: 'framework' } });
    const thin = await api.post(`/api/clients/${id}/consent/competence`, { framework: 'gillick', competent: true, reasons: 'ok' });
    expect(thin.json()).toMatchObject({ error: { field: 'reasons' } });
    const ok = await api.post(`/api/clients/${id}/consent/competence`, { framework: 'gillick', competent: true, reasons: 'Explained back in their own words what counselling involves, the limits of confidentiality and who might be told.' });
    expect(ok.statusCode).toBe(201);
    const parent = await api.post(`/api/clients/${id}/consent/parents`, { name: 'Morgan Rivers', relationship: 'mother', phone: '+44 7700 900123' });
    expect(parent.statusCode).toBe(201);

    const row = await ctx.db.kysely.selectFrom('consent_parents').selectAll().executeTakeFirstOrThrow();
    expect(row.person_enc).not.toContain('Morgan');
    const comp = await ctx.db.kysely.selectFrom('consent_competence').selectAll().executeTakeFirstOrThrow();
    expect(comp.reasons_enc).not.toContain('counselling');
    expect(comp.age).toBe(15);

    const after = (await api.get(`/api/clients/${id}/consent`)).json() as Status;
    expect(after.youngPerson.competence[0]).toMatchObject({ framework: 'gillick', competent: true, label: 'Gillick competence' });
    expect(after.youngPerson.parents[0]).toMatchObject({ name: 'Morgan Rivers', relationship: 'mother', phone: '+44 7700 900123' });
    expect(after.warnings.map((w) => w.code)).not.toContain('competence_not_assessed');
    expect(after.warnings.map((w) => w.code)).not.toContain('parental_responsibility_missing');
    expect((await auditActions(ctx, 'consent.competence'))[0].details).toMatchObject({ framework: 'gillick', competent: true, age: 15 });

    const ended = await api.post(`/api/clients/${id}/consent/parents/${(parent.json() as { id: string }).id}/end`);
    expect(ended.statusCode).toBe(204);
    const later = (await api.get(`/api/clients/${id}/consent`)).json() as Status;
    expect(later.warnings.map((w) => w.code)).toContain('parental_responsibility_missing');
  });

  it('an adult has no competence assessment; a US minor uses the state frameworks', async () => {
    ctx = await testContext();
    const { api } = await setUpPractice(ctx, 'US-CA');
    const adult = await addClient(api, { name: 'Ada Adult', dob: '1990-01-01' });
    expect((await api.post(`/api/clients/${adult}/consent/competence`, { framework: 'mature_minor', competent: true, reasons: 'Not relevant for an adult client.' })).statusCode).toBe(409);
    const teen = await addClient(api, { name: 'Tess Teen', dob: '2009-12-01' });
    const s = (await api.get(`/api/clients/${teen}/consent`)).json() as Status;
    expect(s.youngPerson.frameworks.map((f) => f.id)).toEqual(['minor_consent_statute', 'mature_minor', 'emancipated_minor']);
    expect((await prepare(api, teen)).templateKey).toBe('US-CA/private/young');
    const res = await api.post(`/api/clients/${teen}/consent/competence`, { framework: 'minor_consent_statute', competent: true, reasons: 'Aged 16, mature enough to participate intelligently (Family Code 6924).' });
    expect(res.statusCode).toBe(201);
  });

  it('works out ages and frameworks from dates', () => {
    expect(ageOn('2011-11-02', '2026-11-02')).toBe(15);
    expect(ageOn('2011-11-03', '2026-11-02')).toBe(14);
    expect(frameworksFor('GB-SCT', 14)).toEqual(['scotland_s2_4']);
    expect(frameworksFor('GB-NIR', 17)).toEqual(['presumed_16_17']);
    expect(frameworksFor('US-TX', 18)).toEqual([]);
  });
});
