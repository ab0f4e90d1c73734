import type { AppContext } from '../../context.js';
import { sha256Hex } from '../../crypto/hashing.js';
import { limitPerTenMinutes } from '../auth/auth.service.js';

/** A practitioner checks a pasted message by pressing a button: sixty in ten minutes is far above use. */
export const DETECT_PER_USER = 60;
/** Several colleagues can share one address (a practice behind one router). */
export const DETECT_PER_SOURCE = 200;
/** Longer than any message a person writes; the engine's cost grows with the text. */
export const DETECT_MAX_CHARS = 50_000;

/**
 * Rights detection is the one text engine a signed-in browser can run at will, so it is rationed per
 * user and per address in the shared rate-limit table, like sign-in.
 */
export async function limitDetection(ctx: AppContext, userId: string, source: string): Promise<void> {
  await limitPerTenMinutes(ctx, `detect-user:${sha256Hex(userId)}`, DETECT_PER_USER, 'Too many messages checked in the last ten minutes. Wait a few minutes and try again.');
  await limitPerTenMinutes(ctx, `detect-source:${sha256Hex(source)}`, DETECT_PER_SOURCE, 'Too many messages checked from here in the last ten minutes. Wait a few minutes and try again.');
}
