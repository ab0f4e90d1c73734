import * as OTPAuth from 'otpauth';
import { DEMO_PASSPHRASE, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from './demo-staff.js';

/** The six-digit code the demo's published secret gives at `now` (what an authenticator app would show). */
export function demoCode(now: Date): string {
  return new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET) }).generate({ timestamp: now.getTime() });
}

/** How to sign in to the demo, in plain words, for the terminal and the README alike. */
export function signInInstructions(url: string, now: Date): string {
  const width = Math.max(...DEMO_STAFF.map((s) => s.email.length));
  return [
    `Open ${url} and sign in as any of these invented colleagues:`,
    ...DEMO_STAFF.map((s) => `  ${s.email.padEnd(width)}  ${s.displayName}, ${s.does}`),
    `Password (the same for all three): ${DEMO_PASSWORD}`,
    `6-digit code: ${demoCode(now)} right now (it changes every 30 seconds: run "npx sanctum demo --code" for a fresh one),`,
    `  or add this secret to an authenticator app: ${DEMO_TOTP_SECRET}`,
    `If the vault is ever locked, its passphrase is: ${DEMO_PASSPHRASE}`,
    'Everything here is invented. These secrets are published, so never put real records in a demo.',
  ].join('\n');
}
