import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../core/errors.js';
import { UsageError } from './io.js';

const mib = (n: number) => `${Math.round(n / (1024 * 1024))} MiB`;

/**
 * Read a file that came from outside (a backup, a key-store file, a sealed export). Its size is
 * checked before a byte is read, so a huge or endless file (a device, a pipe) cannot fill memory
 * before it is refused.
 */
export function readOutsideFile(command: string, path: string, maxBytes: number, what: string): Buffer {
  let size: number;
  let isFile: boolean;
  try {
    const st = statSync(path);
    size = st.size;
    isFile = st.isFile();
  } catch {
    throw new UsageError(`${command}: field "in": cannot read the ${what} "${path}"`);
  }
  if (!isFile) throw new UsageError(`${command}: field "in": "${path}" is not a file`);
  if (size > maxBytes) throw new AppError('payload_too_large', `"${path}" is ${mib(size)}, larger than any ${what} Sanctum writes (${mib(maxBytes)}): it is not a ${what}, or not a whole one.`, 'in');
  try {
    return readFileSync(path);
  } catch {
    throw new UsageError(`${command}: field "in": cannot read the ${what} "${path}"`);
  }
}
