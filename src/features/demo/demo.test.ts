import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestContext, testContext, withPractice } from '../../../test/support/context.js';
import { consentStatus } from '../consent/status.service.js';
import { listRequests } from '../requests/requests.service.js';
import { createDemoPractice } from './demo.service.js';
import { DEMO_STAFF } from './demo-staff.js';

describe('the demo practice', () => {
  let ctx: TestContext;
  let practiceId: string;
  beforeEach(async () => {
    ctx = await testContext({ clock: '2026-11-02T10:00:00.000Z' });
    ({ practiceId } = await withPractice(ctx));
  });
  afterEach(async () => ctx.cleanup());

  it('fills every feature, written by named staff on dates before today', async () => {
    const before = (await ctx.db.kysely.selectFrom('audit_log').select('seq').execute()).length;
    const backupDir = join(ctx.store.dataDir ?? tmpdir(), `demo-backups-${process.pid}`);
    const made = await createDemoPractice(ctx, practiceId, { clients: 10, maxWeeks: 10, backupDir });
    // Ten adults, the young person seen at school, and two former clients from years ago.
    expect(made).toMatchObject({ clients: 13, agreements: 13, disposals: 1, withdrawals: 1, disclosureConsents: 1, requests: 3, disclosures: 1, subjectAccessRequests: 2, breaches: 1, shared: 1, holds: 1, documents: 1 });
    expect(made.sessions).toBeGreaterThan(10);
    expect(made.drafts).toBeGreaterThan(0);

    const db = ctx.db.kysely;
    const staff = await db.selectFrom('users').select(['id', 'email', 'totp_enabled']).execute();
    expect(staff.map((u) => u.email).sort()).toEqual(DEMO_STAFF.map((s) => s.email).sort());
    expect(staff.every((u) => u.totp_enabled === 1)).toBe(true);
    const ids = new Set(staff.map((u) => u.id));
    const notes = await db.selectFrom('notes').select(['author_id', 'created_at', 'status']).execute();
    // The former client past retention was destroyed: its certificate counts the notes that went.
    const certs = await db.selectFrom('disposal_certificates').select('categories').execute();
    expect(certs).toHaveLength(1);
    const destroyed = (JSON.parse(certs[0].categories) as { category: string; count: number }[]).filter((x) => x.category.endsWith('_notes')).reduce((n, x) => n + x.count, 0);
    expect(destroyed).toBeGreaterThan(0);
    expect(notes.length).toBe(made.notes - destroyed);
    // Every note has a named author (never the command line), and none is dated after today.
    expect(notes.every((n) => ids.has(n.author_id))).toBe(true);
    expect(new Set(notes.map((n) => n.author_id)).size).toBe(3);
    expect(notes.every((n) => n.created_at <= '2026-11-02T10:00:00.000Z')).toBe(true);
    expect(notes.some((n) => n.created_at < '2026-10-15')).toBe(true);
    const cases = await db.selectFrom('cases').select(['opened_at', 'status']).execute();
    expect(cases.some((c) => c.opened_at < '2026-10-01')).toBe(true);
    expect(cases.some((c) => c.status === 'closed')).toBe(true);
    // Every request and subject access request was logged on or after the day it arrived, never before.
    const received = [
      ...(await db.selectFrom('info_requests').select(['received_on', 'created_at']).execute()),
      ...(await db.selectFrom('sar_requests').select(['received_on', 'created_at']).execute()),
    ];
    expect(received).toHaveLength(5);
    expect(received.filter((q) => q.created_at.slice(0, 10) !== q.received_on)).toEqual([]);
    // Daily backups are on, into the demo's own folder, turned on by the practice lead.
    expect(await db.selectFrom('backup_schedule').select(['enabled', 'dir']).executeTakeFirst()).toEqual({ enabled: 1, dir: backupDir });
    rmSync(backupDir, { recursive: true, force: true });
    // The breach was handled to the end: the regulator and the client told, then closed.
    expect((await db.selectFrom('breaches').select('status').execute()).map((b) => b.status)).toEqual(['closed']);
    expect((await db.selectFrom('breach_notifications').select('audience').execute()).map((n) => n.audience).sort()).toEqual(['individual', 'regulator']);
    // After the practice's set-up, the audit log reads in time order, as if the work had happened day by day.
    const times = (await db.selectFrom('audit_log').select('at').orderBy('seq').execute()).map((r) => r.at).slice(before);
    const outOfOrder = times.findIndex((t, i) => i > 0 && t < times[i - 1]);
    expect(outOfOrder, outOfOrder >= 0 ? `${times[outOfOrder - 1]} then ${times[outOfOrder]}` : '').toBe(-1);
  });

  it('has a 15-year-old seen at school, assessed as Gillick competent, whose mother asks what she says', async () => {
    await createDemoPractice(ctx, practiceId, { clients: 8, maxWeeks: 14 });
    const u = await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'priya@harbourside.example').executeTakeFirstOrThrow();
    const priya = { userId: u.id, practiceId, roles: ['practitioner' as const] };
    const fromParent = (await listRequests(ctx, priya)).find((q) => q.requesterType === 'parent');
    // A competent young person's mother needs the young person's agreement before anything is said.
    expect(fromParent).toMatchObject({ basis: 'consent_needed', status: 'awaiting_consent', linked: true });
    const s = await consentStatus(ctx, priya, fromParent?.clientId as string);
    expect(s.audience).toBe('young');
    expect(s.agreement).toMatchObject({ status: 'signed', templateKey: 'GB-ENG/school/young' });
    expect(s.youngPerson).toMatchObject({ applies: true, age: 15 });
    expect(s.youngPerson.competence).toMatchObject([{ framework: 'gillick', competent: true }]);
    expect(s.youngPerson.parents.map((p) => p.name).sort()).toEqual(['Daniel Fletcher', 'Joanne Fletcher']);
    expect(s.consents.filter((c) => c.kind === 'disclosure')).toMatchObject([{ recipient: 'Joanne Fletcher', what: 'attendance', state: 'active' }]);
    expect(s.warnings.map((w) => w.code)).toEqual([]);
  });
});
