import * as OTPAuth from 'otpauth';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

const totpFor = (secret: string, label: string) =>
  new OTPAuth.TOTP({ issuer: 'Sanctum', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

export const totpUri = (secret: string, label: string): string => totpFor(secret, label).toString();

/** The time step a code matches (±1 step of drift), or null. Steps let callers refuse replays. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

// The QR encoder is needed only while someone enrols, so it loads then.
export const qrSvg = async (uri: string): Promise<string> => (await import('qrcode')).default.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
