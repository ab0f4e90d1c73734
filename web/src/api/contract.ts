/**
 * Types of what the server sends and accepts, read from the generated OpenAPI types
 * (schema.d.ts, `npm run api:types`). Pages name a route and method; they never restate a shape.
 */
import type { paths } from './schema.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a route answers with, for one status (200 unless said). */
export type ResponseOf<P extends keyof paths, M extends Method, S extends number = 200> =
  Op<P, M> extends { responses: { [K in S]: { content: { 'application/json': infer R } } } } ? R : never;

/** The JSON body a route accepts. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type { paths };
