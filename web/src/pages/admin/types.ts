/** Shapes from the staff, user, audit and caseload routes, read from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type StaffMember = ResponseOf<'/api/users', 'get'>[number];
export type StaffStatus = StaffMember['status'];
export type SecondFactorReset = ResponseOf<'/api/users/{id}/reset-second-factor', 'post'>;
export type PasswordReset = ResponseOf<'/api/users/{id}/reset-password', 'post'>;
export type NewColleague = ResponseOf<'/api/users', 'post', 201>;
export type VerifyResult = ResponseOf<'/api/audit/verify', 'post'>;
export type Checkpoint = ResponseOf<'/api/audit/checkpoint', 'post'>;
export type CaseloadMove = ResponseOf<'/api/caseload/reassign', 'post'>;
export type ClientMove = ResponseOf<'/api/clients/{id}/reassign', 'post'>;

import { ROLES } from './staff-labels.js';

export const ROLE_LABELS: Record<string, string> = Object.fromEntries(ROLES.map((r) => [r.id, r.label]));
