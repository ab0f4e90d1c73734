import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { builtinTemplates } from './templates.builtin.js';
import { fillTemplate, limitsSection } from './templates.js';

type Summary = { id: string; templateKey: string; version: number; status: string; source: string; contentHash: string };
type Version = Summary & { body: string; title: string };

describe('agreement templates', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('seeds every jurisdiction, setting and audience on first use, each with the SHA-256 of its exact text', async () => {
    const list = (await api.get('/api/consent/templates')).json() as Summary[];
    expect(list).toHaveLength(8 * 4 * 2);
    expect(new Set(list.map((t) => t.templateKey.split('/')[0]))).toEqual(new Set(['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'US-CA', 'US-NY', 'US-TX', 'US-FL']));
    expect(list.every((t) => t.version === 1 && t.status === 'published' && t.source === 'builtin')).toBe(true);
    const one = (await api.get(`/api/consent/templates/versions/${list[0].id}`)).json() as Version;
    expect(sha256Hex(Buffer.from(one.body, 'utf8'))).toBe(one.contentHash);
    // A second listing does not seed again.
    expect((await api.get('/api/consent/templates')).json()).toHaveLength(64);
  });

  it('keeps published text immutable: new wording is a new version, old text comes back byte for byte', async () => {
    const list = (await api.get('/api/consent/templates')).json() as Summary[];
    const v1 = (await api.get(`/api/consent/templates/versions/${list.find((t) => t.templateKey === 'GB-SCT/school/adult')?.id}`)).json() as Version;
    const body = `${v1.body.replace('Counselling takes place', 'Counselling happens')}\nÉlan — “quoted” text ✓\n`;
    const draft = await api.post('/api/consent/templates/versions', { templateKey: 'GB-SCT/school/adult', title: 'Our school agreement', body });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft', source: 'practice', contentHash: sha256Hex(Buffer.from(body, 'utf8')) });
    const published = await api.post(`/api/consent/templates/versions/${(draft.json() as Version).id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });
    expect((await api.post(`/api/consent/templates/versions/${(draft.json() as Version).id}/publish`)).statusCode).toBe(409);

    const v3 = await api.post('/api/consent/templates/versions', { templateKey: 'GB-SCT/school/adult', title: 'Our school agreement', body: body + 'More.\n', publish: true });
    expect(v3.json()).toMatchObject({ version: 3, status: 'published' });
    const againV1 = (await api.get(`/api/consent/templates/versions/${v1.id}`)).json() as Version;
    expect(againV1.body).toBe(v1.body);
    expect(againV1.contentHash).toBe(v1.contentHash);
    const againV2 = (await api.get(`/api/consent/templates/versions/${(draft.json() as Version).id}`)).json() as Version;
    expect(Buffer.from(againV2.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it('refuses a template without the limits of confidentiality or with unknown fields, naming the field', async () => {
    const res = await api.post('/api/consent/templates/versions', { templateKey: 'GB-ENG/private/adult', title: 'Short', body: 'We keep everything secret, always.' });
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'body' } });
    const bad = await api.post('/api/consent/templates/versions', { templateKey: 'GB-ENG/private/adult', title: 'T', body: '## The limits of confidentiality\n{{clientName}}' });
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/clientName/);
    const key = await api.post('/api/consent/templates/versions', { templateKey: 'FR/private/adult', title: 'T', body: '## The limits of confidentiality' });
    expect(key.json()).toMatchObject({ error: { field: 'templateKey' } });
  });
});

describe('built-in agreement texts', () => {
  const all = builtinTemplates();

  it('every text has the required sections and fields, with no unresolved parts', () => {
    for (const t of all) {
      expect(t.body, t.key).not.toMatch(/\{\{>/);
      for (const f of ['{{practiceName}}', '{{supervisorArrangement}}', '{{channels}}', '{{retentionPeriod}}']) expect(t.body, `${t.key} ${f}`).toContain(f);
      expect(limitsSection(t.body), t.key).toBeTruthy();
      expect(t.body, t.key).toMatch(/right|rights/i);
    }
  });

  it('states the law of each jurisdiction', () => {
    const limits = (k: string) => limitsSection(all.find((t) => t.key === k)?.body ?? '') ?? '';
    expect(limits('US-CA/private/adult')).toMatch(/Civil Code section 43\.92/);
    expect(limits('US-CA/private/adult')).toMatch(/Tarasoff/);
    expect(limits('US-NY/private/adult')).toMatch(/Social Services Law section 413/);
    expect(limits('US-TX/private/adult')).toMatch(/261\.101/);
    expect(limits('US-FL/private/adult')).toMatch(/39\.201/);
    expect(limits('GB-NIR/private/adult')).toMatch(/Criminal Law Act \(Northern Ireland\) 1967, section 5/);
    expect(limits('GB-ENG/private/adult')).toMatch(/Terrorism Act 2000 \(section 38B\)/);
    expect(limits('GB-ENG/private/adult')).toMatch(/Section 39/);
    expect(limits('GB-ENG/private/adult')).not.toMatch(/Northern Ireland/);
    expect(limits('GB-SCT/school/young')).toMatch(/Age of Legal Capacity \(Scotland\) Act 1991/);
    expect(limits('GB-WLS/school/young')).toMatch(/Gillick/);
  });

  it('fills fields deterministically, with each channel and its risks', () => {
    const t = all.find((x) => x.key === 'GB-ENG/couple_family/adult');
    const fields = { practiceName: 'Harbour Therapy', supervisorArrangement: 'Monthly supervision.', channels: ['sms' as const, 'email' as const], retentionPeriod: 'Seven years' };
    const a = fillTemplate(t?.body ?? '', fields, 'adult');
    expect(a).toBe(fillTemplate(t?.body ?? '', fields, 'adult'));
    expect(a).toContain('Harbour Therapy');
    expect(a).toMatch(/- Email: ordinary email is not end-to-end encrypted/);
    expect(a).toMatch(/- Text message \(SMS\): text messages show on a locked screen/);
  });
});
