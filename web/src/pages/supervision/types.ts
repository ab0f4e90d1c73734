/** Shapes of the supervision API (src/features/supervision/supervision.routes.ts), from the server's OpenAPI document. */
import type { ResponseOf } from '../../api/contract.js';

export type Supervisee = ResponseOf<'/api/supervision/supervisees', 'get'>[number];
export type SharedItem = ResponseOf<'/api/supervision/shared/{id}', 'get'>;
export type SupervisionNote = ResponseOf<'/api/supervision/supervisees/{id}/notes', 'post', 201>;
