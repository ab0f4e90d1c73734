import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { type ApiClient, setUpPractice } from './api.js';
import { type TestContext, testContext } from './context.js';

export interface PracticeFixture {
  ctx: TestContext;
  app: FastifyInstance;
  /** Signed in as the first practitioner, who is also the practice admin. */
  api: ApiClient;
  /** That first practitioner's user id. */
  userId: string;
  email: string;
  totpSecret: string;
  recoveryCodes: string[];
  /** The client made through the API when `client` was given. */
  clientId: string;
}

/**
 * A fresh store and a practice set up through the API before each test (with `client`, a client
 * too), removed after it. The returned object is filled in before each test runs; read its
 * properties inside the tests.
 */
export function usePractice(opts: { jurisdiction?: string; clock?: string; client?: Record<string, string> } = {}): PracticeFixture {
  const f = {} as PracticeFixture;
  beforeEach(async () => {
    f.ctx = await testContext(opts.clock ? { clock: opts.clock } : {});
    Object.assign(f, await setUpPractice(f.ctx, opts.jurisdiction));
    f.userId = (await f.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', f.email).executeTakeFirstOrThrow()).id;
    if (opts.client) {
      const res = await f.api.post('/api/clients', opts.client);
      if (res.statusCode !== 201) throw new Error(`client: ${res.body}`);
      f.clientId = (res.json() as { id: string }).id;
    }
  });
  afterEach(async () => f.ctx?.cleanup());
  return f;
}
