import * as OTPAuth from 'otpauth';

const used = new Map<string, number>();
const PERIOD_MS = 30_000;

/**
 * A code for the secret the screen showed. The server accepts each 30-second step once (no
 * replays) and tolerates one step of clock drift either way, so when this secret already spent
 * the current step the next step's code is used at once; only when that one is spent too does
 * this wait for the clock to move on.
 */
export async function freshTotpCode(secretAsShown: string): Promise<string> {
  const secret = secretAsShown.replace(/\s/g, '');
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const last = used.get(secret);
  const step = last === undefined ? Math.floor(Date.now() / PERIOD_MS) : Math.max(Math.floor(Date.now() / PERIOD_MS), last + 1);
  // The server accepts at most one step ahead of its own clock.
  const waitMs = (step - 1) * PERIOD_MS - Date.now() + 250;
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  used.set(secret, step);
  return totp.generate({ timestamp: step * PERIOD_MS + 1000 });
}
