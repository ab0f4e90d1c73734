import { describe, expect, it } from 'vitest';
import { usePractice } from '../support/practice.js';
import { addColleague, auditRows, signInWithCode } from './support.js';

interface Member {
  id: string;
  displayName: string;
  roles: string[];
  status: string;
  caseload: { open: number; closed: number };
}

describe('staff accounts: the team list, names and roles', () => {
  const p = usePractice();

  it('lists each colleague with a status and how many clients they hold', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    await bea.api.post('/api/clients', { name: 'Client One' });
    const second = (await bea.api.post('/api/clients', { name: 'Client Two' })).json() as { id: string };
    expect((await bea.api.post(`/api/clients/${second.id}/status`, { status: 'closed' })).statusCode).toBe(204);
    const pending = (await p.api.post('/api/users', { displayName: 'Not Yet Enrolled', email: 'pending@example.org', roles: ['practitioner'], password: 'Quiet-harbour-lantern-42' })).json() as { userId: string };

    const team = (await p.api.get('/api/users')).json() as Member[];
    expect(team.find((m) => m.id === bea.id)).toMatchObject({ status: 'active', caseload: { open: 1, closed: 1 } });
    expect(team.find((m) => m.id === pending.userId)).toMatchObject({ status: 'not_enrolled', caseload: { open: 0, closed: 0 } });
    expect(team.find((m) => m.id === p.userId)).toMatchObject({ status: 'active', roles: ['practitioner', 'admin'] });
  });

  it('changes a display name and roles, audited with ids and role codes only', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    const res = await p.api.patch(`/api/users/${bea.id}`, { displayName: '  Beatrice Colleague ', roles: ['practitioner', 'admin'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: bea.id, displayName: 'Beatrice Colleague', roles: ['practitioner', 'admin'] });
    // The new role counts at once: the principal is rebuilt from the account on every request.
    expect((await bea.api.get('/api/users')).statusCode).toBe(200);
    const names = (await p.api.get('/api/staff-names')).json() as { id: string; displayName: string }[];
    expect(names.find((x) => x.id === bea.id)?.displayName).toBe('Beatrice Colleague');

    const [entry] = await auditRows(p.ctx, 'user.update');
    expect(entry).toMatchObject({ actor_id: p.userId, target_type: 'user', target_id: bea.id, outcome: 'ok' });
    expect(JSON.parse(entry.details ?? '{}')).toEqual({ changed: ['displayName', 'roles'], roles: ['practitioner', 'admin'], previousRoles: ['practitioner'] });
    expect(JSON.stringify(entry)).not.toMatch(/Beatrice|Colleague Number|@example/);

    expect((await p.api.patch(`/api/users/${bea.id}`, { roles: ['practitioner'] })).statusCode).toBe(200);
    expect((await bea.api.get('/api/users')).statusCode).toBe(403);
  });

  it('validates bodies: unknown keys, empty changes, roles it cannot give, blank names', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    const cases: [unknown, string][] = [
      [{ displayName: 'X', email: 'new@example.org' }, 'email'],
      [{}, 'body'],
      [{ roles: ['operator'] }, 'roles.0'],
      [{ roles: [] }, 'roles'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: '   ' }, 'displayName'],
    ];
    for (const [body, field] of cases) {
      const res = await p.api.patch(`/api/users/${bea.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await p.api.post(`/api/users/${bea.id}/disable`, { reason: 'left_practice', note: 'x' })).statusCode).toBe(400);
    expect((await p.api.post(`/api/users/${bea.id}/disable`, { reason: 'because' })).json()).toMatchObject({ error: { field: 'reason' } });
    expect((await p.api.post(`/api/users/${bea.id}/unlock`, {})).json()).toMatchObject({ error: { field: 'reason' } });
  });

  it('answers 404 for an unknown colleague on every action', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect((await p.api.patch(`/api/users/${ghost}`, { displayName: 'Nobody' })).statusCode).toBe(404);
    for (const [path, body] of [['disable', { reason: 'left_practice' }], ['enable', {}], ['unlock', { reason: 'identity_verified' }], ['reset-second-factor', { reason: 'lost_device' }]] as const) {
      const res = await p.api.post(`/api/users/${ghost}/${path}`, body);
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('refuses every change to someone who is not an admin, and records the refusal', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api);
    const cat = await addColleague(p.ctx, p.app, p.api);
    expect((await bea.api.get('/api/users')).statusCode).toBe(403);
    expect((await bea.api.patch(`/api/users/${cat.id}`, { roles: ['admin'] })).statusCode).toBe(403);
    expect((await bea.api.patch(`/api/users/${bea.id}`, { roles: ['practitioner', 'admin'] })).statusCode).toBe(403);
    for (const [path, body] of [['disable', { reason: 'left_practice' }], ['enable', {}], ['unlock', { reason: 'identity_verified' }], ['reset-second-factor', { reason: 'lost_device' }]] as const) {
      expect((await bea.api.post(`/api/users/${cat.id}/${path}`, body)).statusCode, path).toBe(403);
    }
    const denied = await auditRows(p.ctx, 'user.disable');
    expect(denied).toEqual([expect.objectContaining({ actor_id: bea.id, target_id: cat.id, outcome: 'denied', details: JSON.stringify({ reason: 'not_admin' }) })]);
    expect(((await p.api.get('/api/users')).json() as Member[]).find((m) => m.id === cat.id)?.status).toBe('active');
  });

  it('keeps one active admin: the last one can neither be demoted nor disabled', async () => {
    const only = await p.api.patch(`/api/users/${p.userId}`, { roles: ['practitioner'] });
    expect(only.statusCode).toBe(409);
    expect(only.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/only active admin/) } });
    expect((await p.api.post(`/api/users/${p.userId}/disable`, { reason: 'left_practice' })).statusCode).toBe(403);
    // Renaming yourself is fine.
    expect((await p.api.patch(`/api/users/${p.userId}`, { displayName: 'Alex M. Morgan' })).statusCode).toBe(200);

    const bea = await addColleague(p.ctx, p.app, p.api, ['practitioner', 'admin']);
    // A disabled admin does not count as the practice's admin.
    expect((await p.api.post(`/api/users/${bea.id}/disable`, { reason: 'extended_leave' })).statusCode).toBe(200);
    expect((await p.api.patch(`/api/users/${p.userId}`, { roles: ['practitioner'] })).statusCode).toBe(409);
    expect((await p.api.post(`/api/users/${bea.id}/enable`, {})).statusCode).toBe(200);

    // With another active admin, stepping down is allowed, and then the other is the last admin.
    const step = await p.api.patch(`/api/users/${p.userId}`, { roles: ['practitioner'] });
    expect(step.statusCode).toBe(200);
    expect((await p.api.get('/api/users')).statusCode).toBe(403);
    const { api: beaApi } = await signInWithCode(p.ctx, p.app, bea.email, bea.totpSecret);
    expect((await beaApi.patch(`/api/users/${bea.id}`, { roles: ['practitioner'] })).statusCode).toBe(409);
    const refusals = (await auditRows(p.ctx, 'user.update')).filter((e) => e.outcome === 'denied');
    expect(refusals.map((e) => JSON.parse(e.details ?? '{}').reason)).toEqual(['last_admin', 'last_admin', 'last_admin']);
  });

  it('two admins demoting each other at the same moment leave exactly one admin', async () => {
    const bea = await addColleague(p.ctx, p.app, p.api, ['practitioner', 'admin']);
    const results = await Promise.all([p.api.patch(`/api/users/${bea.id}`, { roles: ['practitioner'] }), bea.api.patch(`/api/users/${p.userId}`, { roles: ['practitioner'] })]);
    // The loser is refused either as the last admin (409) or, when the winner's change landed
    // first, as someone who is no longer an admin (403): which one depends on timing.
    const codes = results.map((r) => r.statusCode).sort();
    expect([[200, 403], [200, 409]]).toContainEqual(codes);
    const admins = await p.ctx.db.kysely.selectFrom('users').select('roles').execute();
    expect(admins.filter((u) => u.roles.split(',').includes('admin'))).toHaveLength(1);
  });
});
