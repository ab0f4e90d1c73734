import { describe, expect, it } from 'vitest';
import { can } from '../../core/access.js';
import { type TargetFacts, countByStatus, targetRefusal } from './caseload.js';

const colleague = (more: Partial<TargetFacts> = {}): TargetFacts => ({ id: 'cal', practiceId: 'p1', roles: ['practitioner'], disabledAt: null, ...more });

describe('moving care: the rules', () => {
  it('lets only admins (and the operator) move care, and only within their practice', () => {
    const admin = { userId: 'a', practiceId: 'p1', roles: ['admin'] as const };
    const practitioner = { userId: 'bea', practiceId: 'p1', roles: ['practitioner'] as const };
    const operator = { userId: 'cli', practiceId: 'p1', roles: ['operator'] as const };
    const own = { practiceId: 'p1', practitionerId: 'bea' };
    expect(can(admin, 'case.reassign')).toBe(true);
    expect(can(admin, 'case.reassign', own)).toBe(true);
    expect(can(admin, 'case.reassign', { practiceId: 'p2', practitionerId: 'x' })).toBe(false);
    expect(can(practitioner, 'case.reassign')).toBe(false);
    expect(can(practitioner, 'case.reassign', own)).toBe(false);
    expect(can(operator, 'case.reassign', own)).toBe(true);
    expect(can({ userId: 'd', practiceId: 'p1', roles: ['dpo'] }, 'case.reassign')).toBe(false);
    // Moving care gives the admin no way into the notes.
    expect(can(admin, 'case.read_clinical', own)).toBe(false);
  });

  it('takes an active practitioner of the same practice who does not hold the client already', () => {
    expect(targetRefusal(colleague(), 'p1', 'bea')).toBeNull();
    expect(targetRefusal(colleague(), 'p1', null)).toBeNull();
    expect(targetRefusal(undefined, 'p1', 'bea')).toBe('unknown');
    expect(targetRefusal(colleague({ practiceId: 'p2' }), 'p1', 'bea')).toBe('other_practice');
    expect(targetRefusal(colleague(), 'p1', 'cal')).toBe('same_practitioner');
    expect(targetRefusal(colleague({ disabledAt: '2026-11-01T09:00:00.000Z' }), 'p1', 'bea')).toBe('disabled');
    expect(targetRefusal(colleague({ roles: ['admin'] }), 'p1', 'bea')).toBe('not_practitioner');
  });

  it('counts clients by case status', () => {
    expect(countByStatus([{ status: 'open' }, { status: 'closed' }, { status: 'open' }])).toEqual({ open: 2, closed: 1 });
    expect(countByStatus([])).toEqual({ open: 0, closed: 0 });
  });
});
