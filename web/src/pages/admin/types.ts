/** Shapes from src/features/staff/staff.routes.ts, src/features/auth/users.routes.ts and src/audit/audit.routes.ts. */
export type StaffStatus = 'active' | 'locked' | 'disabled' | 'not_enrolled';

export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  status: StaffStatus;
  secondFactor: boolean;
  locked: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  disabledAt: string | null;
  /** When the temporary password from an admin's reset stops working, while it waits to be replaced. */
  temporaryPasswordUntil: string | null;
  caseload: { open: number; closed: number };
}

export interface SecondFactorReset {
  userId: string;
  recoveryCodes: string[];
  sessionsEnded: number;
}

export interface PasswordReset {
  userId: string;
  temporaryPassword: string;
  expiresAt: string;
  sessionsEnded: number;
  secondFactor: boolean;
}

export interface NewColleague {
  userId: string;
  recoveryCodes: string[];
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBadSeq?: number;
  reason?: string;
  headSeq?: number;
  headHash?: string;
}

export interface Checkpoint {
  v: number;
  seq: number;
  hash: string;
  at: string;
  publicKey: string;
  signature: string;
}

export const ROLE_LABELS: Record<string, string> = { practitioner: 'Practitioner', admin: 'Admin' };

/** Shapes from src/features/caseload/caseload.routes.ts. */
export interface CaseloadMove {
  fromUserId: string;
  toUserId: string;
  reason: string;
  moved: { clientId: string; caseCode: string; status: 'open' | 'closed' }[];
  counts: { open: number; closed: number };
  remaining: { open: number; closed: number };
}

export interface ClientMove {
  clientId: string;
  caseCode: string;
  fromUserId: string | null;
  toUserId: string;
  reason: string;
}
