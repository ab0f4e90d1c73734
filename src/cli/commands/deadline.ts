import { parseArgs } from 'node:util';
import { invalidInput, isAppError } from '../../core/errors.js';
import { UK_JURISDICTIONS, bankHolidays, isUkJurisdiction } from '../../features/deadlines/bank-holidays.js';
import { SAR_REGIMES, hipaaAccountingDeadline, hipaaBreach, sarDeadline, ukGdprBreach } from '../../features/deadlines/deadlines.js';
import { retainUntil, retentionPolicyNames } from '../../features/deadlines/retention.js';
import { type CliIo, UsageError, printJson } from '../io.js';

const HELP = `Usage:
  sanctum deadline sar --regime uk-gdpr|hipaa --received YYYY-MM-DD [--jurisdiction GB-ENG|GB-WLS|GB-SCT|GB-NIR] [--json]
  sanctum deadline breach --regime uk-gdpr --aware ISO-TIMESTAMP [--json]
  sanctum deadline breach --regime hipaa --discovered YYYY-MM-DD --affected N [--json]
  sanctum deadline accounting --received YYYY-MM-DD [--json]          (HIPAA accounting of disclosures)
  sanctum deadline retention --policy NAME [--born YYYY-MM-DD] --last-contact YYYY-MM-DD [--explain] [--json]
  sanctum deadline holidays --jurisdiction GB-ENG|GB-WLS|GB-SCT|GB-NIR --year YYYY [--json]
`;

const FLAG: Record<string, string> = { lastContact: 'last-contact' };

type Values = Record<string, string | boolean | undefined>;
type Sub = (v: Values, need: (name: string) => string) => unknown;

const subcommands: Record<string, { options: string[]; run: Sub }> = {
  sar: {
    options: ['regime', 'received', 'jurisdiction'],
    run: (v, need) =>
      sarDeadline({
        regime: oneOf(need('regime'), SAR_REGIMES, 'regime'),
        received: need('received'),
        jurisdiction: v.jurisdiction === undefined ? undefined : oneOf(String(v.jurisdiction), UK_JURISDICTIONS, 'jurisdiction'),
      }),
  },
  breach: {
    options: ['regime', 'aware', 'discovered', 'affected'],
    run: (_v, need) => {
      const regime = oneOf(need('regime'), SAR_REGIMES, 'regime');
      if (regime === 'uk-gdpr') return ukGdprBreach({ aware: need('aware') });
      return hipaaBreach({ discovered: need('discovered'), affected: wholeNumber(need('affected'), 'affected') });
    },
  },
  accounting: {
    options: ['received'],
    run: (_v, need) => hipaaAccountingDeadline({ received: need('received') }),
  },
  retention: {
    options: ['policy', 'born', 'last-contact', 'explain'],
    run: (v, need) => {
      const result = retainUntil({
        policy: oneOf(need('policy'), retentionPolicyNames(), 'policy'),
        born: v.born === undefined ? undefined : String(v.born),
        lastContact: need('last-contact'),
      });
      return v.explain ? result : { retainUntil: result.retainUntil };
    },
  },
  holidays: {
    options: ['jurisdiction', 'year'],
    run: (_v, need) => {
      const jurisdiction = need('jurisdiction');
      if (!isUkJurisdiction(jurisdiction)) oneOf(jurisdiction, UK_JURISDICTIONS, 'jurisdiction');
      return bankHolidays(jurisdiction as (typeof UK_JURISDICTIONS)[number], wholeNumber(need('year'), 'year'));
    },
  },
};

export async function run(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const sub = subcommands[name];
  if (!sub) throw new UsageError(`deadline: unknown subcommand "${name}" (expected one of ${Object.keys(subcommands).join(', ')})`);
  const command = `deadline ${name}`;
  const values = parse(command, sub.options, rest);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const need = (flag: string): string => {
    const value = values[flag];
    if (typeof value !== 'string' || value === '') throw new UsageError(`${command}: --${flag} is required`);
    return value;
  };
  let result: unknown;
  try {
    result = sub.run(values, need);
  } catch (e) {
    if (isAppError(e) && e.code === 'invalid_input' && e.field) {
      throw new UsageError(`${command}: --${FLAG[e.field] ?? e.field}: ${e.message}`);
    }
    throw e;
  }
  if (values.json) printJson(io, result);
  else io.stdout(human(result) + '\n');
  return 0;
}

function parse(command: string, names: string[], rest: string[]): Values {
  const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' }, help: { type: 'boolean' } };
  for (const n of names) options[n] = { type: n === 'explain' ? 'boolean' : 'string' };
  // "--affected -3" would read as an unknown option; bind a negative number to its flag so the
  // error names the flag and the problem instead.
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const next = rest[i + 1];
    if (rest[i].startsWith('--') && !rest[i].includes('=') && next !== undefined && /^-\d/.test(next)) {
      args.push(`${rest[i]}=${next}`);
      i++;
    } else args.push(rest[i]);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values;
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : 'bad arguments';
    throw new UsageError(`${command}: ${detail}`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidInput(flag, `expected one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw invalidInput(flag, `expected a whole number, 0 or more, got "${value}"`);
  return Number(value);
}

function human(result: unknown): string {
  if (Array.isArray(result)) return result.map((h: { date: string; name: string }) => `${h.date}  ${h.name}`).join('\n');
  return Object.entries(result as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v ?? '—'}`)
    .join('\n');
}
