import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { authRoutes } from '../features/auth/auth.routes.js';
import { userRoutes } from '../features/auth/users.routes.js';
import { passwordRoutes } from '../features/auth/password.routes.js';
import { staffRoutes } from '../features/staff/staff.routes.js';
import { accessReviewRoutes } from '../features/staff/access-review.routes.js';
import { clientRoutes } from '../features/clients/clients.routes.js';
import { caseloadRoutes } from '../features/caseload/caseload.routes.js';
import { documentRoutes } from '../features/documents/documents.routes.js';
import { consentRoutes } from '../features/consent/consent.routes.js';
import { noteRoutes } from '../features/notes/notes.routes.js';
import { practiceRoutes } from '../features/practice/practice.routes.js';
import { sessionRoutes } from '../features/sessions/sessions.routes.js';
import { sarRoutes } from '../features/sar/sar.routes.js';
import { dashboardRoutes } from '../features/dashboard/dashboard.routes.js';
import { sharingRoutes } from '../features/sharing/sharing.routes.js';
import { requestRoutes } from '../features/requests/requests.routes.js';
import { breachRoutes } from '../features/breaches/breaches.routes.js';
import { retentionRoutes } from '../features/retention/retention.routes.js';
import { keystoreRoutes } from '../features/keystore/keystore.routes.js';
import { backupRoutes } from '../features/backup/backup.routes.js';

/** Every feature's routes, registered in one place. A feature adds one line here. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await practiceRoutes(app, ctx);
  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
  await passwordRoutes(app, ctx);
  await staffRoutes(app, ctx);
  await accessReviewRoutes(app, ctx);
  await clientRoutes(app, ctx);
  await caseloadRoutes(app, ctx);
  await noteRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await documentRoutes(app, ctx);
  await consentRoutes(app, ctx);
  await sharingRoutes(app, ctx);
  await requestRoutes(app, ctx);
  await sarRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await breachRoutes(app, ctx);
  await retentionRoutes(app, ctx);
  await keystoreRoutes(app, ctx);
  await backupRoutes(app, ctx);
  await auditRoutes(app, ctx);
}
