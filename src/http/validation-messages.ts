/**
 * Schema failures in words a person understands. Every route's body, query and parameters are
 * checked against its JSON schema; this is the one place an Ajv error becomes the sentence shown
 * beside the field, naming it the way a form would.
 */
export interface SchemaFailure {
  keyword: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** Names that read badly when split from camelCase; everything else is split and lower-cased. */
const LABELS: Record<string, string> = {
  dob: 'date of birth',
  gp: 'GP',
  email: 'email address',
  totp: 'authenticator code',
  code: 'code',
  url: 'address',
  clientId: 'client',
  clientIds: 'clients',
  userId: 'colleague',
  caseCode: 'case code',
  dueOn: 'due date',
  receivedOn: 'date received',
  pdfSha256: 'file fingerprint',
};

export function fieldLabel(field: string): string {
  const last = field.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? field;
  return LABELS[last] ?? last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address, like name@example.org',
  date: 'a date, like 2026-12-07',
  'date-time': 'a date and time',
  uuid: 'a valid reference',
  uri: 'a web address',
};

/** The field a failure is about, as a dotted path ("items.0.name"), or the whole part checked. */
export function failureField(f: SchemaFailure, context: string | undefined): string {
  const p = f.params ?? {};
  const path = (f.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const leaf = (p.missingProperty ?? p.additionalProperty) as string | undefined;
  if (leaf) return path ? `${path}.${leaf}` : leaf;
  return path || context || 'body';
}

/** One sentence for one failure, naming the field. */
export function failureSentence(f: SchemaFailure, field: string): string {
  const p = f.params ?? {};
  const name = fieldLabel(field);
  const limit = Number(p.limit);
  switch (f.keyword) {
    case 'required':
      return `${capital(name)} is required.`;
    case 'additionalProperties':
      return `"${String(p.additionalProperty)}" is not a field this form accepts.`;
    case 'maxLength':
      return `${capital(name)} can be at most ${plural(limit, 'character')} long.`;
    case 'minLength':
      return limit <= 1 ? `${capital(name)} can't be empty.` : `${capital(name)} needs at least ${plural(limit, 'character')}.`;
    case 'maxItems':
      return `${capital(name)}: choose at most ${limit}.`;
    case 'minItems':
      return limit <= 1 ? `${capital(name)}: choose at least one.` : `${capital(name)}: choose at least ${limit}.`;
    case 'uniqueItems':
      return `${capital(name)} lists the same item twice.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${capital(name)} must be ${f.keyword === 'minimum' ? 'at least' : 'more than'} ${limit}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${capital(name)} must be ${f.keyword === 'maximum' ? 'at most' : 'less than'} ${limit}.`;
    case 'enum':
    case 'const':
      return `Choose one of the options offered for ${name}.`;
    case 'type': {
      const types = String(p.type ?? '').split(',').filter((t) => t !== 'null');
      return `${capital(name)} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ') || 'left empty'}.`;
    }
    case 'format':
      return `${capital(name)} must be ${FORMAT_WORDS[String(p.format)] ?? 'in the expected form'}.`;
    case 'pattern':
      return /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(String(p.pattern)) ? `${capital(name)} must be a date, like 2026-12-07.` : `${capital(name)} is not in the expected form.`;
    default:
      return `${capital(name)} is not valid.`;
  }
}
