import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with the command named in every complaint, as the contract asks. */
export function parse<O extends Options>(command: string, args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : 'bad arguments';
    throw new UsageError(`${command}: ${msg}`);
  }
}

export function required(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${command}: missing --${flag}`);
  return value;
}

export const dataOption = { data: { type: 'string' as const } };
