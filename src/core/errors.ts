/**
 * Errors are data: a small set of typed failures with stable codes. HTTP status mapping lives in
 * src/http/errors.ts and CLI exit codes in src/cli/output.ts — nowhere else.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'not_found'
  | 'conflict'
  | 'sealed'
  | 'erased'
  | 'locked'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'gone'
  | 'uninitialised';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  /**
   * A "not found" whose words reveal nothing about what exists (a signing link that matches
   * nothing) keeps them; every other one is answered with one shared sentence.
   */
  readonly keepMessage: boolean;

  constructor(code: ErrorCode, message: string, field?: string, opts: { keepMessage?: boolean } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.keepMessage = opts.keepMessage ?? false;
  }
}

export const invalidInput = (field: string, message: string) =>
  new AppError('invalid_input', message, field);
/** "Not yours" and "does not exist" must be indistinguishable from outside. */
export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}.`);
export const conflict = (message: string) => new AppError('conflict', message);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('forbidden', message);
export const sealed = () =>
  new AppError('sealed', 'The vault is sealed. Unlock it with the vault passphrase first.');
export const erased = () =>
  new AppError('erased', "This client's records were securely destroyed and cannot be read.");

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
