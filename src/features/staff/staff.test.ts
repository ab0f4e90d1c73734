import { describe, expect, it } from 'vitest';
import { type AccountFacts, nextRoles, refusal, staffStatus } from './staff.js';

const now = '2026-11-02T10:00:00.000Z';
const account = (id: string, roles: AccountFacts['roles'], more: Partial<AccountFacts> = {}): AccountFacts => ({ id, roles, totpEnabled: true, lockedUntil: null, disabledAt: null, ...more });

describe('staff account rules', () => {
  it('names one status, disabled first, then locked, then not enrolled', () => {
    expect(staffStatus(account('a', ['admin']), now)).toBe('active');
    expect(staffStatus(account('a', ['admin'], { totpEnabled: false }), now)).toBe('not_enrolled');
    expect(staffStatus(account('a', ['admin'], { totpEnabled: false, lockedUntil: '2026-11-02T10:15:00.000Z' }), now)).toBe('locked');
    expect(staffStatus(account('a', ['admin'], { lockedUntil: '2026-11-02T09:59:59.000Z' }), now)).toBe('active');
    expect(staffStatus(account('a', ['admin'], { lockedUntil: '2026-11-02T10:15:00.000Z', disabledAt: now }), now)).toBe('disabled');
  });

  it('refuses changes to your own sign-in, but not to your own name or roles', () => {
    const me = account('me', ['practitioner', 'admin']);
    const team = [me, account('other', ['admin'])];
    for (const kind of ['disable', 'unlock', 'reset_second_factor'] as const) expect(refusal('me', me, { kind }, team)).toBe('own_account');
    expect(refusal('me', me, { kind: 'update', roles: ['practitioner'] }, team)).toBeNull();
    expect(refusal('me', me, { kind: 'update' }, team)).toBeNull();
  });

  it('sends a role you give yourself to another admin when there is one; alone, it goes ahead (and is kept for review)', () => {
    const office = account('office', ['admin']);
    const other = account('other', ['admin', 'practitioner']);
    expect(refusal('office', office, { kind: 'update', roles: ['admin', 'practitioner'] }, [office, other])).toBe('needs_second_admin');
    expect(refusal('other', office, { kind: 'update', roles: ['admin', 'practitioner'] }, [office, other])).toBeNull();
    expect(refusal('office', office, { kind: 'update', roles: ['admin', 'practitioner'] }, [office, account('away', ['admin'], { disabledAt: now })])).toBeNull();
    expect(refusal('office', office, { kind: 'update', roles: ['admin'] }, [office, other])).toBeNull();
  });

  it('keeps one active admin; a disabled admin does not count', () => {
    const lead = account('lead', ['admin']);
    const away = account('away', ['admin'], { disabledAt: now });
    const team = [lead, away, account('p', ['practitioner'])];
    expect(refusal('p', lead, { kind: 'disable' }, team)).toBe('last_admin');
    expect(refusal('p', lead, { kind: 'update', roles: ['practitioner'] }, team)).toBe('last_admin');
    expect(refusal('p', lead, { kind: 'update', roles: ['practitioner', 'admin'] }, team)).toBeNull();
    expect(refusal('p', lead, { kind: 'unlock' }, team)).toBeNull();
    expect(refusal('lead', away, { kind: 'enable' }, team)).toBeNull();
    expect(refusal('p', lead, { kind: 'disable' }, [...team, account('second', ['admin'])])).toBeNull();
  });

  it('replaces the roles an admin can give and keeps any others the account holds', () => {
    expect(nextRoles(['practitioner'], ['admin', 'practitioner'])).toEqual(['practitioner', 'admin']);
    expect(nextRoles(['practitioner', 'operator'], ['admin'])).toEqual(['admin', 'operator']);
  });
});
