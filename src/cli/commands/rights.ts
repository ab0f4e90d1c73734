import { parseArgs } from 'node:util';
import { detectRight } from '../../features/rights/rights.detect.js';
import { type CliIo, UsageError, printJson, readInput } from '../io.js';

const HELP = `Usage: sanctum rights detect [FILE|-] [--json]

Reads the plain text of a message (a file, or standard input for "-" or no argument) and reports
which data-protection right it exercises: access, erasure, rectification, portability,
restriction, objection or none.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    io.stdout(HELP);
    return sub ? 0 : 2;
  }
  if (sub !== 'detect') throw new UsageError(`rights: unknown subcommand "${sub}" (expected detect)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { json: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`rights detect: ${e instanceof Error ? e.message.split('\n')[0] : 'bad arguments'}`);
  }
  if (parsed.values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError('rights detect: expected at most one input file');
  const text = await readInput(io, parsed.positionals[0], 'rights detect');
  if (text.trim() === '') throw new UsageError('rights detect: input is empty');
  const result = detectRight(text);
  if (parsed.values.json) printJson(io, result);
  else io.stdout(`${result.right} (confidence ${result.confidence})${result.cues.length ? `: ${result.cues.map((c) => `"${c}"`).join(', ')}` : ''}\n`);
  return 0;
}
