import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';
import { addClient, capable, signBody } from './consent.test-helpers.js';

// What the last service call handed back to its route, before the serialiser saw it.
const handed = vi.hoisted(() => {
  const last: { value: unknown } = { value: undefined };
  const keep = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => (last.value = await f(...a)) as R;
  return { last, keep };
});
vi.mock('./agreements.service.js', async (load) => {
  const m = await load<typeof import('./agreements.service.js')>();
  return { ...m, prepareAgreement: handed.keep(m.prepareAgreement), signInPerson: handed.keep(m.signInPerson) };
});
vi.mock('./documents.service.js', async (load) => {
  const m = await load<typeof import('./documents.service.js')>();
  return { ...m, viewAgreement: handed.keep(m.viewAgreement) };
});
vi.mock('./capacity.service.js', async (load) => {
  const m = await load<typeof import('./capacity.service.js')>();
  return { ...m, recordCapacity: handed.keep(m.recordCapacity) };
});
vi.mock('./consents.service.js', async (load) => {
  const m = await load<typeof import('./consents.service.js')>();
  return { ...m, recordConsent: handed.keep(m.recordConsent), withdrawConsent: handed.keep(m.withdrawConsent) };
});
vi.mock('./young.service.js', async (load) => {
  const m = await load<typeof import('./young.service.js')>();
  return { ...m, recordCompetence: handed.keep(m.recordCompetence), addParent: handed.keep(m.addParent) };
});
vi.mock('./lookup.service.js', async (load) => {
  const m = await load<typeof import('./lookup.service.js')>();
  return { ...m, lookupForClient: handed.keep(m.lookupForClient) };
});

/**
 * The serialiser sends only what a route's response schema lists, and drops the rest without a
 * word. So each consent answer is compared with the object its service handed to the route.
 */
describe('consent route answers', () => {
  let ctx: TestContext;
  afterEach(async () => ctx.cleanup());

  it('carry everything the services return: agreements, consents, lookups, capacity, competence and parents', async () => {
    ctx = await testContext();
    const { api } = await setUpPractice(ctx);
    const id = await addClient(api, { name: 'Sam Rivers', dob: '2011-03-15' });
    const base = `/api/clients/${id}`;
    const whole = async (call: Promise<LightMyRequestResponse>, status: number) => {
      handed.last.value = undefined;
      const res = await call;
      expect(res.statusCode, res.body).toBe(status);
      expect(handed.last.value).toBeDefined();
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(handed.last.value)));
      return res.json() as Record<string, unknown> & { id: string };
    };

    const prepared = await whole(api.post(`${base}/consent/agreements`, {}), 201);
    const viewed = await whole(api.get(`${base}/consent/agreements/${prepared.id}`), 200);
    expect(viewed.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'heading' }), expect.objectContaining({ kind: 'list' })]));
    const signed = await whole(api.post(`${base}/consent/agreements/${prepared.id}/sign`, signBody(undefined, { capacity: capable })), 200);
    expect(signed).toMatchObject({ status: 'signed', signature: { name: 'Jordan Avery', method: 'typed' }, fields: { channels: ['email', 'sms', 'phone', 'video'] } });

    expect(await whole(api.post(`${base}/consent/capacity`, capable), 201)).toMatchObject({ hasCapacity: true, reasons: capable.reasons });
    const disclosure = await whole(api.post(`${base}/consents`, { kind: 'disclosure', recipient: 'Dr Patel, GP', what: 'attendance', purpose: 'Fitness-to-work letter', expiresOn: '2027-01-31' }), 201);
    expect(disclosure).toMatchObject({ recipient: 'Dr Patel, GP', purpose: 'Fitness-to-work letter', expiresOn: '2027-01-31', state: 'active' });
    expect(await whole(api.post(`${base}/consent/competence`, { framework: 'gillick', competent: true, reasons: 'Explained back in their own words what counselling involves and its limits.' }), 201))
      .toMatchObject({ label: 'Gillick competence', age: 15 });
    expect(await whole(api.post(`${base}/consent/parents`, { name: 'Morgan Rivers', relationship: 'mother', phone: '+44 7700 900123' }), 201)).toMatchObject({ phone: '+44 7700 900123' });

    expect(await whole(api.get(`${base}/consent/lookup?channel=email`), 200)).toMatchObject({ channel: 'email', allowed: true, consent: { kind: 'channel' } });
    expect(await whole(api.get(`${base}/consent/lookup?channel=post`), 200)).toEqual({ channel: 'post', allowed: false, reason: 'not_asked', consent: null });
    const lookup = `${base}/consent/lookup?recipient=${encodeURIComponent('Dr Patel, GP')}&purpose=${encodeURIComponent('Fitness-to-work letter')}&what=attendance`;
    expect(await whole(api.get(lookup), 200)).toEqual({ found: true, reason: 'consented', consent: disclosure });

    const withdrawn = await whole(api.post(`${base}/consents/${disclosure.id}/withdraw`, { via: 'letter', askedOn: null }), 200);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawnVia: 'letter', withdrawalAskedOn: '2026-11-02' });
    expect(await whole(api.get(lookup), 200)).toEqual({ found: false, reason: 'withdrawn', consent: withdrawn });
  });
});
