import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { invalidInput } from '../../core/errors.js';

/**
 * NIST SP 800-63B style: length over composition. At least 12 characters, up to 128, any
 * characters, and refuse passwords found in common-password lists or easily guessed.
 */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;

// The dictionaries are several megabytes: loaded on the first password check, not at start-up.
let zxcvbn: Promise<ZxcvbnFactory> | undefined;
const estimator = (): Promise<ZxcvbnFactory> =>
  (zxcvbn ??= (async () => {
    const [core, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })());

export async function checkPassword(password: unknown, context: string[] = []): Promise<string> {
  if (typeof password !== 'string') throw invalidInput('password', 'A password is required.');
  const length = [...password].length;
  if (length < MIN_PASSWORD) throw invalidInput('password', `Use at least ${MIN_PASSWORD} characters; a few unrelated words work well.`);
  if (length > MAX_PASSWORD) throw invalidInput('password', `Use at most ${MAX_PASSWORD} characters.`);
  const result = (await estimator()).check(password, context);
  if (result.score < 3) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
    throw invalidInput('password', `That password is too common or too easy to guess${hint}. Try a longer phrase of unrelated words.`);
  }
  return password;
}
