import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.js';
import { contraryToAdviceQueue } from '../../src/features/requests/workflow.service.js';
import { type ApiClient, setUpPractice } from '../support/api.js';
import { type TestContext, testContext } from '../support/context.js';
import { completeChecklist, courtOrder, logged, newClient, policeNoOrder, tvResearcher, view } from './helpers.js';

interface ContraryView {
  decision: { status: string; outcome: string; contraryKind: string | null; contraryWords: string | null; contrary?: { kind: string; basis: string; reasons: string } };
  contraryToAdvice: boolean;
}

describe('deciding against the triage advice', () => {
  let ctx: TestContext;
  let api: ApiClient;

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());
  const lead = async (roles: Principal['roles'] = ['clinical_lead']): Promise<Principal> =>
    ({ userId: 'cli', practiceId: (await ctx.db.kysely.selectFrom('practices').select('id').executeTakeFirstOrThrow()).id, roles });

  async function drafted(body: unknown, outcome: string): Promise<string> {
    const id = await logged(api, body);
    await completeChecklist(api, id);
    expect((await api.put(`/api/requests/${id}/decision`, { outcome, reasons: 'Weighed the request.' })).statusCode).toBe(204);
    return id;
  }
  const sign = (id: string, body: unknown = {}) => api.post(`/api/requests/${id}/decision/sign`, body);

  it('refuses to sign off a disclosure to a TV researcher without the acknowledgement and reasons, then marks it', async () => {
    const id = await drafted(tvResearcher, 'disclose_in_full');
    const draft = (await api.get(`/api/requests/${id}`)).json() as ContraryView;
    expect(draft.decision).toMatchObject({ status: 'draft', contraryKind: 'disclose_without_basis' });
    expect(draft.decision.contraryWords).toMatch(/no basis to disclose/);

    const bare = await sign(id);
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ error: { code: 'invalid_input', field: 'contraryToAdvice' } });
    const noReasons = await sign(id, { contraryToAdvice: true, contraryReasons: '   ' });
    expect(noReasons.json()).toMatchObject({ error: { code: 'invalid_input', field: 'contraryReasons' } });
    expect((await view(api, id)).decision?.status).toBe('draft');

    expect((await sign(id, { contraryToAdvice: true, contraryReasons: 'The client asked in writing for the programme to have everything.' })).statusCode).toBe(204);
    const signed = (await api.get(`/api/requests/${id}`)).json() as ContraryView;
    expect(signed.contraryToAdvice).toBe(true);
    expect(signed.decision).toMatchObject({ status: 'signed', contraryKind: 'disclose_without_basis', contrary: { kind: 'disclose_without_basis', basis: 'no_basis', reasons: 'The client asked in writing for the programme to have everything.' } });

    const register = (await api.get('/api/requests')).json() as { id: string; contraryToAdvice: boolean }[];
    expect(register.find((r) => r.id === id)?.contraryToAdvice).toBe(true);
    const queue = await contraryToAdviceQueue(ctx, await lead());
    expect(queue).toEqual([expect.objectContaining({ requestId: id, outcome: 'disclose_in_full', adviceBasis: 'no_basis' })]);
    // The reasons are inside the signed ciphertext, never in a plain column.
    expect(JSON.stringify(await ctx.db.kysely.selectFrom('request_decisions').selectAll().execute())).not.toContain('asked in writing');
  });

  it('asks the same of declining a court order and of disclosing to the police without the client’s consent', async () => {
    const client = await newClient(api);
    const decline = await drafted(courtOrder(client.id), 'decline');
    expect((await sign(decline)).json()).toMatchObject({ error: { field: 'contraryToAdvice' } });
    expect((await sign(decline, { contraryToAdvice: true, contraryReasons: 'Appealing the order; legal advice says wait.' })).statusCode).toBe(204);

    const police = await drafted(policeNoOrder(client.id), 'provide_report');
    const v = (await api.get(`/api/requests/${police}`)).json() as ContraryView;
    expect(v.decision.contraryKind).toBe('disclose_without_consent');
    expect((await sign(police)).json()).toMatchObject({ error: { field: 'contraryToAdvice' } });

    const kinds = (await contraryToAdviceQueue(ctx, await lead())).map((q) => q.requestId);
    expect(kinds).toEqual([decline]);
  });

  it('signs a decision that follows the advice without any acknowledgement and leaves it unmarked', async () => {
    const client = await newClient(api);
    const id = await drafted(courtOrder(client.id), 'disclose_in_part');
    expect(((await api.get(`/api/requests/${id}`)).json() as ContraryView).decision.contraryKind).toBeNull();
    // No body at all is still a sign-off, as before the acknowledgement existed.
    expect((await api.call('POST', `/api/requests/${id}/decision/sign`)).statusCode).toBe(204);
    const register = (await api.get('/api/requests')).json() as { id: string; contraryToAdvice: boolean }[];
    expect(register.find((r) => r.id === id)?.contraryToAdvice).toBe(false);
    expect(await contraryToAdviceQueue(ctx, await lead())).toEqual([]);
  });

  it('never signs a contrary outcome unmarked when the draft changes during sign-off', async () => {
    const client = await newClient(api);
    const id = await drafted(courtOrder(client.id), 'disclose_in_part');
    const [signed, saved] = await Promise.all([sign(id), api.put(`/api/requests/${id}/decision`, { outcome: 'decline', reasons: 'Changed my mind.' })]);
    const after = (await api.get(`/api/requests/${id}`)).json() as ContraryView;
    if (after.decision.status === 'signed') {
      expect(signed.statusCode).toBe(204);
      expect(after.decision.outcome).toBe('disclose_in_part');
      expect(after.contraryToAdvice).toBe(false);
    } else {
      expect(saved.statusCode).toBe(204);
      expect([400, 409]).toContain(signed.statusCode);
      expect(after.decision).toMatchObject({ outcome: 'decline', contraryKind: 'decline_when_required' });
    }
  });

  it('lets a clinical lead or admin list the queue, not a practitioner', async () => {
    await expect(contraryToAdviceQueue(ctx, await lead(['practitioner']))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
