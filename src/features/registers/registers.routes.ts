import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, bool, int, nullable, obj, str } from '../../http/schema.js';
import { disclosureRegister, requestRegister } from './registers.service.js';

const requestEntry = obj({
  id: str(), reference: str(), requesterType: str(), asks: str(), authority: str(), receivedOn: str(), dueOn: nullable(str()), status: str(),
  caseCode: nullable(str()), contraryToAdvice: bool(), emergency: bool(), restricted: bool(), disclosures: int(),
});
const disclosureEntry = obj({
  id: str(), disclosedOn: str(), caseCode: str(), reference: str(), requesterType: str(), kind: str(), basis: str(), noteCount: int(),
});

/** The registers for the data-protection officer and admins: metadata only, nothing decrypted. */
export async function registersRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/registers/requests', {
    schema: { summary: 'Every request for information, metadata only: no names, no content (admins and the data-protection officer)', response: { 200: arr(requestEntry) } },
  }, async (req) => requestRegister(ctx, principal(req)));

  app.get('/api/registers/disclosures', {
    schema: { summary: 'The accounting of disclosures across the practice, metadata only (admins and the data-protection officer)', response: { 200: arr(disclosureEntry) } },
  }, async (req) => disclosureRegister(ctx, principal(req)));
}
