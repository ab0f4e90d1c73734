import * as OTPAuth from 'otpauth';

const used = new Map<string, number>();

/**
 * A code for the secret the screen showed. The server accepts each 30-second step once (no
 * replays), so when this secret already spent the current step, wait for the next one.
 */
export async function freshTotpCode(secretAsShown: string): Promise<string> {
  const secret = secretAsShown.replace(/\s/g, '');
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  let step = Math.floor(Date.now() / 30_000);
  const last = used.get(secret);
  if (last !== undefined && step <= last) {
    await new Promise((r) => setTimeout(r, (last + 1) * 30_000 - Date.now() + 250));
    step = Math.floor(Date.now() / 30_000);
  }
  used.set(secret, step);
  return totp.generate({ timestamp: step * 30_000 + 1000 });
}
