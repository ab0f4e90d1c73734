import type { FastifyInstance } from 'fastify';
import { can } from '../core/access.js';
import { forbidden } from '../core/errors.js';
import type { AppContext } from '../context.js';
import { principal } from '../http/auth.js';
import { int, obj, str } from '../http/schema.js';
import { createCheckpoint } from './checkpoint.js';
import { recordAudit, verifyAudit } from './audit.service.js';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/audit/verify', {
    schema: {
      summary: 'Verify the whole audit chain',
      response: { 200: obj({ ok: { type: 'boolean' }, entries: int(), firstBadSeq: int(), reason: str(), headSeq: int(), headHash: str() }, ['firstBadSeq', 'reason', 'headSeq', 'headHash']) },
    },
  }, async (req) => {
    const p = principal(req);
    if (!can(p, 'audit.verify')) throw forbidden();
    await ctx.audit.flush();
    const result = await verifyAudit(ctx.db);
    await recordAudit(ctx.db, ctx.clock, { id: p.userId }, { action: 'audit.verify', outcome: result.ok ? 'ok' : 'failed', details: { entries: result.entries } });
    return result;
  });

  app.post('/api/audit/checkpoint', {
    schema: { summary: 'A signed checkpoint of the chain head, to keep outside the database', response: { 200: obj({ v: int(), seq: int(), hash: str(), at: str(), publicKey: str(), signature: str() }) } },
  }, async (req) => {
    const p = principal(req);
    if (!can(p, 'audit.verify')) throw forbidden();
    const cp = await createCheckpoint(ctx);
    await recordAudit(ctx.db, ctx.clock, { id: p.userId }, { action: 'audit.checkpoint', details: { seq: cp.seq } });
    return cp;
  });
}
