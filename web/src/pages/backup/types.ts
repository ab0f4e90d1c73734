/** GET /api/backups (src/features/keystore/keystore.routes.ts), from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type RecoveryStatus = ResponseOf<'/api/backups', 'get'>;
