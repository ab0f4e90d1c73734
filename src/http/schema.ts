/** Small JSON-Schema builders so every route states its shape; unknown keys are always refused. */
type Schema = Record<string, unknown>;

export const str = (opts: Schema = {}): Schema => ({ type: 'string', ...opts });
export const date = (): Schema => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const int = (opts: Schema = {}): Schema => ({ type: 'integer', ...opts });
export const bool = (): Schema => ({ type: 'boolean' });
export const strEnum = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
export const arr = (items: Schema, opts: Schema = {}): Schema => ({ type: 'array', items, ...opts });
/** The schema, or null. An enum lists null too, or Ajv refuses the null the type allows. */
export const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, 'null'], ...(Array.isArray(s.enum) ? { enum: [...s.enum, null] } : {}) });

/** An object whose listed `optional` keys may be absent; all others are required. */
export function obj(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return { type: 'object', additionalProperties: false, properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

/** An object used as a map: any keys, every value of the given schema (counts by type, answers by question). */
export const dict = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });

/** A free-form object in responses (documented loosely, e.g. nested records). */
export const anyObj = (): Schema => ({ type: 'object', additionalProperties: true });

export const idParams = obj({ id: str({ minLength: 1, maxLength: 100 }) });

export const errorResponse = obj({ error: obj({ code: str(), message: str(), field: str() }, ['field']) });
