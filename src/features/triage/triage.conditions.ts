import {
  ASKS,
  AUTHORITIES,
  CLIENT_STATUSES,
  CONCERNS,
  CONSENTS,
  REQUESTERS,
  type TriageInput,
} from './triage.js';

/**
 * The declarative condition language of the rule packs. Deliberately tiny: data can compare
 * request fields with values, and combine comparisons; it can never run code.
 *
 *   { "field": "requester", "equals": "police" }
 *   { "field": "concerns", "in": ["terrorism", "serious_crime"] }   arrays match on any overlap
 *   { "field": "client.age", "lt": 16 }                            lt / lte / gt / gte (null never matches)
 *   { "all": [ … ] }  { "any": [ … ] }  { "not": { … } }  { "ref": "name" }  (a pack-level named condition)
 */
export type Scalar = string | number | boolean | null;
export type Condition =
  | { field: FieldName; equals: Scalar }
  | { field: FieldName; in: Scalar[] }
  | { field: FieldName; lt?: number; lte?: number; gt?: number; gte?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { ref: string };

type FieldKind = { kind: 'enum'; values: readonly string[]; array?: boolean } | { kind: 'boolean' } | { kind: 'age' };

export const FIELDS = {
  requester: { kind: 'enum', values: REQUESTERS },
  asks: { kind: 'enum', values: ASKS },
  authority: { kind: 'enum', values: AUTHORITIES },
  consent: { kind: 'enum', values: CONSENTS },
  concerns: { kind: 'enum', values: CONCERNS, array: true },
  emergency: { kind: 'boolean' },
  'client.status': { kind: 'enum', values: CLIENT_STATUSES },
  'client.age': { kind: 'age' },
  'client.competent': { kind: 'boolean' },
  'client.hasCapacity': { kind: 'boolean' },
} as const satisfies Record<string, FieldKind>;
export type FieldName = keyof typeof FIELDS;

function fieldValue(input: TriageInput, field: FieldName): Scalar | readonly string[] {
  switch (field) {
    case 'client.status':
      return input.client.status;
    case 'client.age':
      return input.client.age;
    case 'client.competent':
      return input.client.competent;
    case 'client.hasCapacity':
      return input.client.hasCapacity;
    default:
      return input[field];
  }
}

export function evaluate(cond: Condition, input: TriageInput, named: Record<string, Condition>): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluate(c, input, named));
  if ('any' in cond) return cond.any.some((c) => evaluate(c, input, named));
  if ('not' in cond) return !evaluate(cond.not, input, named);
  if ('ref' in cond) return evaluate(named[cond.ref], input, named);
  const v = fieldValue(input, cond.field);
  if ('equals' in cond) return Array.isArray(v) ? v.includes(cond.equals as string) : v === cond.equals;
  if ('in' in cond) {
    return Array.isArray(v) ? v.some((x) => cond.in.includes(x)) : cond.in.includes(v as Scalar);
  }
  if (typeof v !== 'number') return false;
  if (cond.lt !== undefined && !(v < cond.lt)) return false;
  if (cond.lte !== undefined && !(v <= cond.lte)) return false;
  if (cond.gt !== undefined && !(v > cond.gt)) return false;
  if (cond.gte !== undefined && !(v >= cond.gte)) return false;
  return true;
}

/**
 * Checks the JSON Schema cannot express: known fields, values that exist for that field, and
 * named conditions that exist. Returns the first problem found, or null.
 */
export function checkCondition(cond: Condition, named: Record<string, unknown>): string | null {
  if ('all' in cond || 'any' in cond) {
    for (const c of 'all' in cond ? cond.all : cond.any) {
      const p = checkCondition(c, named);
      if (p) return p;
    }
    return null;
  }
  if ('not' in cond) return checkCondition(cond.not, named);
  if ('ref' in cond) return cond.ref in named ? null : `unknown named condition "${cond.ref}"`;
  const spec = FIELDS[cond.field] as FieldKind | undefined;
  if (!spec) return `unknown field "${String(cond.field)}" (expected one of ${Object.keys(FIELDS).join(', ')})`;
  const values = 'equals' in cond ? [cond.equals] : 'in' in cond ? cond.in : null;
  if (values === null) {
    return spec.kind === 'age' ? null : `field "${cond.field}" does not take lt/lte/gt/gte`;
  }
  for (const v of values) {
    const ok =
      spec.kind === 'enum'
        ? typeof v === 'string' && spec.values.includes(v)
        : spec.kind === 'boolean'
          ? v === null || typeof v === 'boolean'
          : v === null || typeof v === 'number';
    if (!ok) return `value ${JSON.stringify(v)} is not valid for field "${cond.field}"`;
  }
  return null;
}
