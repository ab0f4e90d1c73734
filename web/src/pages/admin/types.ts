/** Shapes from src/features/auth/users.routes.ts and src/audit/audit.routes.ts. */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  secondFactor: boolean;
  locked: boolean;
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
