import { readFileSync } from 'node:fs';
import { AppError, isAppError } from '../core/errors.js';

/** What a command may touch: streams are injected so tests run commands in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  /** Standard input as a stream, for commands that work line by line (deid --jsonl). */
  openStdin?: () => NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
}

export type CommandFn = (args: string[], io: CliIo) => Promise<number>;

/** Bad input to a command: exit 2 with one line on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

/** Read the input named by a file argument, or stdin for "-" or no argument. */
export async function readInput(io: CliIo, file: string | undefined, command: string): Promise<string> {
  if (file === undefined || file === '-') return io.readStdin();
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${command}: cannot read input file "${file}"`);
  }
}

/** Parse JSON input, naming the command on failure. */
export function parseJsonInput(text: string, command: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : 'parse error';
    throw new UsageError(`${command}: input is not valid JSON (${detail})`);
  }
}

/** Map any failure to an exit code and one clean line; never a stack trace. */
export function reportFailure(io: CliIo, command: string, e: unknown): number {
  if (e instanceof UsageError) {
    io.stderr(oneLine(e.message) + '\n');
    return 2;
  }
  if (isAppError(e)) {
    const err = e as AppError;
    const where = err.field ? `field "${err.field}": ` : '';
    io.stderr(`${command}: ${where}${oneLine(err.message)}\n`);
    return err.code === 'invalid_input' ? 2 : 1;
  }
  io.stderr(`${command}: unexpected failure; nothing was changed by the failed step\n`);
  if (io.env.SANCTUM_DEBUG) io.stderr(String((e as Error)?.stack ?? e) + '\n');
  return 1;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
