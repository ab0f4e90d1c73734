import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { deidentify, createDeidState, ENTITY_TYPES, type DeidOptions, type Entity, type KnownIdentifier } from '../../features/deid/deid.js';
import { type CliIo, parseJsonInput, printJson, readInput, UsageError } from '../io.js';

const HELP = `Usage: sanctum deid [FILE|-] [--json] [--surrogates] [--known FILE] [--shift-dates N] [--case-key KEY]
       sanctum deid --jsonl [FILE|-]     one {"id","text"} per line in, {"id","text","entities"} per line out

Replaces names, places, dates, contact details and identifiers with [TYPE-n] tags
(or realistic consistent stand-ins with --surrogates). Entities index the input text.
`;

/** The contract's entity shape: the original text is never printed. */
const publicEntity = (e: Entity) => ({ start: e.start, end: e.end, type: e.type, replacement: e.replacement });

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      surrogates: { type: 'boolean' },
      known: { type: 'string' },
      'shift-dates': { type: 'string' },
      'case-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('deid: expected at most one input file');
  const options: DeidOptions = {
    surrogates: values.surrogates === true,
    knownIdentifiers: values.known ? readKnown(values.known) : undefined,
    dateShiftDays: values['shift-dates'] !== undefined ? parseShift(values['shift-dates']) : undefined,
    caseKey: values['case-key'] ?? '',
  };
  if (values.jsonl) return runJsonl(io, positionals[0], options);
  const text = await readInput(io, positionals[0], 'deid');
  const result = deidentify(text, options);
  if (values.json) printJson(io, { text: result.text, entities: result.entities.map(publicEntity) });
  else io.stdout(result.text.endsWith('\n') ? result.text : result.text + '\n');
  return 0;
}

/** One case per batch: the mapping carries from line to line, so a case's notes stay consistent. */
async function runJsonl(io: CliIo, file: string | undefined, options: DeidOptions): Promise<number> {
  const input = file && file !== '-' ? openFile(file) : io.openStdin ? io.openStdin() : Readable.from([await io.readStdin()]);
  const state = createDeidState(options.caseKey);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const item = parseLine(line, n);
    const result = deidentify(item.text, { ...options, state });
    io.stdout(JSON.stringify({ id: item.id, text: result.text, entities: result.entities.map(publicEntity) }) + '\n');
  }
  return 0;
}

function openFile(file: string): NodeJS.ReadableStream {
  try {
    readFileSync(file, { flag: 'r' }).length;
  } catch {
    throw new UsageError(`deid: cannot read input file "${file}"`);
  }
  return createReadStream(file, 'utf8');
}

function parseLine(line: string, n: number): { id: string | number; text: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new UsageError(`deid: line ${n}: not valid JSON`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`deid: line ${n}: expected an object {"id", "text"}`);
  const o = v as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new UsageError(`deid: line ${n}: field "text": expected a string`);
  if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new UsageError(`deid: line ${n}: field "id": expected a string or number`);
  return { id: o.id, text: o.text };
}

function parseShift(s: string): number {
  if (!/^[+-]?\d{1,5}$/.test(s)) throw new UsageError(`deid: option "--shift-dates": expected a whole number of days, got "${s}"`);
  return Number(s);
}

function readKnown(file: string): KnownIdentifier[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`deid: cannot read known-identifiers file "${file}"`);
  }
  const v = parseJsonInput(text, 'deid');
  if (!Array.isArray(v)) throw new UsageError('deid: field "known": expected a JSON list of {"text", "type"}');
  return v.map((k, i) => {
    const o = k as Record<string, unknown>;
    if (typeof o?.text !== 'string' || !o.text.trim()) throw new UsageError(`deid: field "known[${i}].text": expected a non-empty string`);
    const type = (o.type ?? 'PERSON') as string;
    if (!(ENTITY_TYPES as readonly string[]).includes(type))
      throw new UsageError(`deid: field "known[${i}].type": expected one of ${ENTITY_TYPES.join(', ')}`);
    return { text: o.text, type: type as KnownIdentifier['type'] };
  });
}
