import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, setUpPractice } from '../../../test/support/api.js';
import { type TestContext, testContext } from '../../../test/support/context.js';

interface Page {
  items: { seq: number; action: string; actorName: string | null }[];
  total: number;
  nextBefore: number | null;
}

describe('access history paging', () => {
  let ctx: TestContext;
  let api: ApiClient;
  let clientId = '';

  beforeEach(async () => {
    ctx = await testContext();
    ({ api } = await setUpPractice(ctx));
    clientId = ((await api.post('/api/clients', { name: 'Robin Hale' })).json() as { id: string }).id;
  });
  afterEach(async () => ctx.cleanup());

  it('reaches every entry, however long the history, one page at a time and without overlap', async () => {
    // More than the 200 rows the history used to stop at.
    for (let i = 0; i < 230; i++) expect((await api.get(`/api/clients/${clientId}`)).statusCode).toBe(200);

    const seen: number[] = [];
    let url = `/api/clients/${clientId}/access-history?limit=100`;
    let pages = 0;
    let total = 0;
    for (;;) {
      const res = await api.get(url);
      expect(res.statusCode).toBe(200);
      const page = res.json() as Page;
      total = Math.max(total, page.total);
      seen.push(...page.items.map((e) => e.seq));
      pages++;
      if (page.nextBefore === null) break;
      expect(page.items).toHaveLength(100);
      url = `/api/clients/${clientId}/access-history?limit=100&before=${page.nextBefore}`;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    // The first page's own view entry is counted; later page views are newer than anything paged.
    expect(seen.length).toBeGreaterThanOrEqual(232);
    expect(total).toBeGreaterThanOrEqual(seen.length);

    const oldest = (await api.get(`/api/clients/${clientId}/access-history?limit=1&before=${seen[seen.length - 1] + 1}`)).json() as Page;
    expect(oldest.items[0].action).toBe('client.create');
    expect(oldest.items[0].actorName).toBe('Alex Morgan');
  });

  it('records each page viewed once and defaults to a page of 50', async () => {
    const first = (await api.get(`/api/clients/${clientId}/access-history`)).json() as Page;
    expect(first.items.map((e) => e.action)).toEqual(['access_log.read', 'client.create']);
    expect(first.total).toBe(2);
    expect(first.nextBefore).toBeNull();
    for (let i = 0; i < 60; i++) await api.get(`/api/clients/${clientId}`);
    const again = (await api.get(`/api/clients/${clientId}/access-history`)).json() as Page;
    expect(again.items).toHaveLength(50);
    expect(again.total).toBe(63);
    expect(again.items.filter((e) => e.action === 'access_log.read')).toHaveLength(1);
  });

  it('names the parameter on a bad page size or cursor', async () => {
    for (const [q, field] of [['limit=0', 'limit'], ['limit=500', 'limit'], ['limit=ten', 'limit'], ['before=-3', 'before']] as const) {
      const res = await api.get(`/api/clients/${clientId}/access-history?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field } });
    }
  });
});
