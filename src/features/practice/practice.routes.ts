import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal, setSessionCookie } from '../../http/auth.js';
import { arr, obj, str, strEnum } from '../../http/schema.js';
import { countUsers } from '../auth/auth.repository.js';
import { qrSvg, totpUri } from '../auth/totp.js';
import { unsealFromNetwork } from '../vault/unseal-throttle.js';
import { vaultStatus } from '../vault/vault.service.js';
import { JURISDICTIONS } from './practice.js';
import { getPractice, setupPractice } from './practice.service.js';

export async function practiceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', {
    schema: { summary: 'Service and vault state', response: { 200: obj({ status: str(), vault: strEnum(['uninitialised', 'sealed', 'unsealed']), needsSetup: { type: 'boolean' }, practiceName: { type: ['string', 'null'] } }) } },
  }, async () => {
    const vault = await vaultStatus(ctx);
    const needsSetup = vault === 'uninitialised' || (await countUsers(ctx.db.kysely)) === 0;
    // The practice name is not secret, but only shown once the vault is open.
    const practiceName = vault === 'unsealed' ? ((await getPractice(ctx))?.name ?? null) : null;
    return { status: 'ok', vault, needsSetup, practiceName };
  });

  app.post('/api/setup', {
    schema: {
      summary: 'First run: create the vault, the practice and the first account',
      body: obj({
        practiceName: str({ minLength: 1, maxLength: 200 }), jurisdiction: strEnum(JURISDICTIONS), timeZone: str({ maxLength: 64 }),
        passphrase: str({ maxLength: 1024 }), displayName: str({ minLength: 1, maxLength: 200 }), email: str({ maxLength: 320 }), password: str({ maxLength: 1024 }),
      }, ['practiceName', 'jurisdiction', 'timeZone']),
      response: { 201: obj({ totpSecret: str(), otpauthUri: str(), qrSvg: str(), recoveryCodes: arr(str()) }) },
    },
  }, async (req, reply) => {
    const result = await setupPractice(ctx, req.body as Parameters<typeof setupPractice>[1], req.ip);
    setSessionCookie(req, reply, result.grant.token, ctx.config.absoluteTimeoutMinutes * 60);
    const uri = totpUri(result.totpSecret, result.grant.user.email);
    return reply.status(201).send({ totpSecret: result.totpSecret, otpauthUri: uri, qrSvg: await qrSvg(uri), recoveryCodes: result.recoveryCodes });
  });

  app.post('/api/vault/unseal', {
    schema: { summary: 'Unlock the vault with its passphrase', body: obj({ passphrase: str({ minLength: 1, maxLength: 1024 }) }), response: { 200: obj({ vault: str() }) } },
  }, async (req) => {
    await unsealFromNetwork(ctx, (req.body as { passphrase: string }).passphrase, req.ip);
    return { vault: 'unsealed' };
  });

  app.get('/api/practice', {
    schema: { summary: 'The practice', response: { 200: obj({ id: str(), name: str(), jurisdiction: str(), timeZone: str() }) } },
  }, async (req) => {
    principal(req);
    return getPractice(ctx);
  });
}
