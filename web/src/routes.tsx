/**
 * The pages of the signed-in app. To add a page:
 *
 *   1. Write it under web/src/pages/<feature>/ (start with <PageHeader title=…/> for its h1).
 *   2. Add one entry below: { path, title, element, nav? }.
 *        path     "/consents", "/requests/:id", "/clients/:id/:tab?" (":x" is a parameter,
 *                 a trailing "?" makes it optional). First match wins, so put specific paths
 *                 before general ones.
 *        title    the browser tab title (a function of the parameters if needed). Never put
 *                 a client's name here: titles end up in browser history.
 *        element  (params) => <YourPage … />.
 *        nav      { label, order, activeFor?, roles? } to show it in the header's main navigation;
 *                 lower order comes first; activeFor lists path prefixes that highlight it;
 *                 roles, if given, shows it only to users holding one of them (the server
 *                 still refuses everyone else: hiding an entry is a courtesy, not a control).
 *
 * Tabs on a client's record are listed separately, in pages/client/clientTabs.tsx.
 * Nothing else needs editing: App and Shell read this array.
 */
import type { ReactNode } from 'react';
import type { Params } from './router.js';
import { ClientPage } from './pages/client/ClientPage.js';
import { RequestsPage } from './pages/requests/RequestsPage.js';
import { RequestDetailPage } from './pages/requests/RequestDetailPage.js';
import { DashboardPage } from './pages/sar/DashboardPage.js';
import { RequestPage } from './pages/sar/RequestPage.js';
import { SubjectAccessPage } from './pages/sar/SubjectAccessPage.js';
import { TemplatesPage } from './pages/consent/TemplatesPage.js';
import { AnonymisePage } from './pages/sharing/AnonymisePage.js';
import { RecordPage } from './pages/sharing/RecordPage.js';
import { ReviewPage } from './pages/sharing/ReviewPage.js';
import { BreachesPage } from './pages/breaches/BreachesPage.js';
import { BreachPage } from './pages/breaches/BreachPage.js';
import { RetentionPage } from './pages/retention/RetentionPage.js';
import { RegistersPage } from './pages/registers/RegistersPage.js';
import { TeamPage } from './pages/admin/TeamPage.js';
import { AuditPage } from './pages/admin/AuditPage.js';
import { BackupsPage } from './pages/backup/BackupsPage.js';
import { AccountPage } from './pages/account/AccountPage.js';
import { DiaryPage } from './pages/diary/DiaryPage.js';
import { HomePage } from './pages/home/HomePage.js';
import { SupervisionPage } from './pages/supervision/SupervisionPage.js';
import { ReviewsPage } from './pages/organisation/ReviewsPage.js';
import { EmergencyAccessPage } from './pages/organisation/EmergencyAccessPage.js';
import { CoverPage } from './pages/organisation/CoverPage.js';

export interface AppRoute {
  path: string;
  title: string | ((params: Params) => string);
  element: (params: Params) => ReactNode;
  nav?: { label: string; order?: number; activeFor?: string[]; roles?: string[]; /** Not for these roles (an admin reaches the page from the Admin tabs). */ hideFor?: string[] };
}

export const routes: AppRoute[] = [
  { path: '/', title: 'Caseload', element: () => <HomePage />, nav: { label: 'Caseload', order: 10, activeFor: ['/', '/clients'], roles: ['practitioner', 'operator'] } },
  { path: '/diary', title: 'Diary', element: () => <DiaryPage />, nav: { label: 'Diary', order: 8, roles: ['reception'], activeFor: ['/diary'] } },
  { path: '/dashboard', title: 'Deadlines', element: () => <DashboardPage />, nav: { label: 'Deadlines', order: 5, roles: ['practitioner', 'admin', 'dpo', 'clinical_lead', 'operator'] } },
  { path: '/subject-access', title: 'Subject access', element: () => <SubjectAccessPage />, nav: { label: 'Subject access', order: 30, activeFor: ['/subject-access'], roles: ['practitioner', 'admin', 'dpo', 'operator'] } },
  { path: '/subject-access/:id', title: 'Rights request', element: (p) => <RequestPage requestId={p.id} /> },
  { path: '/requests', title: 'Requests', element: () => <RequestsPage />, nav: { label: 'Requests', order: 20, activeFor: ['/requests'], roles: ['practitioner', 'operator'] } },
  { path: '/requests/:id', title: 'Request', element: (p) => <RequestDetailPage requestId={p.id} /> },
  { path: '/clients/:id/:tab?', title: 'Client record', element: (p) => <ClientPage clientId={p.id} tab={p.tab} /> },
  { path: '/consent/templates', title: 'Agreement templates', element: () => <TemplatesPage />, nav: { label: 'Agreements', order: 60, activeFor: ['/consent'], roles: ['practitioner', 'admin', 'operator'] } },
  { path: '/sharing/new/:clientId', title: 'Anonymise for supervision', element: (p) => <AnonymisePage clientId={p.clientId} /> },
  { path: '/sharing/drafts/:id', title: 'Review anonymised text', element: (p) => <ReviewPage draftId={p.id} /> },
  { path: '/sharing/records/:id', title: 'Sharing record', element: (p) => <RecordPage recordId={p.id} /> },
  { path: '/supervision', title: 'Supervision', element: () => <SupervisionPage />, nav: { label: 'Supervision', order: 15, roles: ['supervisor'], activeFor: ['/supervision'] } },
  { path: '/reviews', title: 'Reviews', element: () => <ReviewsPage />, nav: { label: 'Reviews', order: 12, roles: ['dpo', 'clinical_lead'], activeFor: ['/reviews'] } },
  { path: '/emergency-access', title: 'Emergency access', element: () => <EmergencyAccessPage />, nav: { label: 'Emergency access', order: 14, roles: ['clinical_lead'], activeFor: ['/emergency-access'] } },
  { path: '/cover', title: 'Cover and supervision', element: () => <CoverPage />, nav: { label: 'Cover', order: 85, roles: ['clinical_lead'], hideFor: ['admin'], activeFor: ['/cover'] } },
  { path: '/breaches', title: 'Breaches', element: () => <BreachesPage />, nav: { label: 'Breaches', order: 70, activeFor: ['/breaches'], roles: ['practitioner', 'admin', 'dpo', 'clinical_lead', 'operator'] } },
  { path: '/breaches/:id', title: 'Breach', element: (p) => <BreachPage breachId={p.id} /> },
  { path: '/registers', title: 'Registers', element: () => <RegistersPage />, nav: { label: 'Registers', order: 25, roles: ['dpo'], hideFor: ['admin'], activeFor: ['/registers'] } },
  { path: '/retention', title: 'Retention', element: () => <RetentionPage />, nav: { label: 'Retention', order: 80, roles: ['admin', 'dpo'], activeFor: ['/retention'] } },
  { path: '/team', title: 'Team', element: () => <TeamPage />, nav: { label: 'Admin', order: 90, roles: ['admin'], activeFor: ['/team', '/audit', '/backups', '/registers', '/cover'] } },
  { path: '/audit', title: 'Audit log', element: () => <AuditPage />, nav: { label: 'Audit log', order: 88, roles: ['dpo'], hideFor: ['admin'], activeFor: ['/audit'] } },
  { path: '/backups', title: 'Backups', element: () => <BackupsPage /> },
  { path: '/account', title: 'Your account', element: () => <AccountPage /> },
];

export function navEntries(list: AppRoute[], roles: readonly string[] = []): AppRoute[] {
  return list.filter((r) => r.nav && (!r.nav.roles || r.nav.roles.some((x) => roles.includes(x))) && !r.nav.hideFor?.some((x) => roles.includes(x))).sort((a, b) => (a.nav?.order ?? 100) - (b.nav?.order ?? 100));
}
