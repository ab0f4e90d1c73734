import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import { principal } from '../../http/auth.js';
import { arr, int, nullable, obj, str, strEnum } from '../../http/schema.js';
import { actorOf } from '../clients/case-access.js';
import { practiceToday } from '../sar/sar.service.js';
import { dashboard } from './dashboard.js';
import { clockProviders } from './providers.js';

const item = obj({
  source: str(), id: str(), label: str(), duty: str(), due: str(), status: str(), caseCode: nullable(str()), href: str(),
  daysLeft: int(), urgency: strEnum(['overdue', 'due_today', 'due_soon', 'later']),
});

export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/dashboard/deadlines', {
    schema: { summary: 'Every open statutory clock the caller may see, overdue first', response: { 200: obj({ today: str(), overdue: int(), items: arr(item) }) } },
  }, async (req) => {
    const p = principal(req);
    const { today } = await practiceToday(ctx);
    const result = await dashboard(ctx, p, clockProviders, today);
    await recordAudit(ctx.db, ctx.clock, actorOf(p), { action: 'dashboard.read', targetType: 'dashboard', details: { items: result.items.length, overdue: result.overdue } });
    return result;
  });
}
