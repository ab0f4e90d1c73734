import { parseArgs } from 'node:util';
import { invalidInput } from '../../core/errors.js';
import { listRules, triage } from '../../features/triage/triage.engine.js';
import { formatRuleList, formatTriage } from '../../features/triage/triage.format.js';
import { PackError } from '../../features/triage/triage.packs.js';
import { JURISDICTIONS, type Jurisdiction } from '../../features/triage/triage.js';
import { type CliIo, UsageError, parseJsonInput, printJson, readInput } from '../io.js';

const HELP = `Usage:
  sanctum triage [FILE|-] [--json]                          triage a request for information (JSON input)
  sanctum triage --list-rules [--jurisdiction CODE] [--json]  list the rules and their citations

Jurisdictions: ${JURISDICTIONS.join(', ')}
Input fields and values: see docs/triage.md.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        jurisdiction: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(`triage: ${(e as Error).message.split('\n')[0]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('triage: expected at most one input file');
  try {
    if (values['list-rules']) return listCommand(io, values.jurisdiction, values.json === true);
    if (values.jurisdiction !== undefined) throw new UsageError('triage: --jurisdiction is only for --list-rules; put it in the input');
    const input = parseJsonInput(await readInput(io, positionals[0], 'triage'), 'triage');
    const out = triage(input);
    if (values.json) printJson(io, out);
    else io.stdout(formatTriage(out));
    return 0;
  } catch (e) {
    // A broken rule pack is a fault in the installation, not in the input: say which file and rule.
    if (e instanceof PackError) {
      io.stderr(`triage: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function listCommand(io: CliIo, jurisdiction: string | undefined, json: boolean): number {
  if (jurisdiction !== undefined && !(JURISDICTIONS as readonly string[]).includes(jurisdiction)) {
    throw invalidInput('jurisdiction', `expected one of ${JURISDICTIONS.join(', ')}`);
  }
  const rules = listRules(jurisdiction as Jurisdiction | undefined);
  if (json) printJson(io, rules);
  else io.stdout(formatRuleList(rules));
  return 0;
}
