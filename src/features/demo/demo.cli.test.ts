import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sanctum } from '../../../test/support/cli.js';
import { DEMO_TOTP_SECRET } from './demo-staff.js';

/** `sanctum demo`'s refusals and its code helper; the seeding itself is tested through the services. */
describe('sanctum demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sanctum-demo-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a folder it did not make alone, even with --fresh, naming the flag to change', () => {
    writeFileSync(join(dir, 'notes.txt'), 'someone else\'s file');
    for (const args of [['demo', '--data', dir, '--no-serve'], ['demo', '--data', dir, '--fresh', '--no-serve']]) {
      const res = sanctum(args);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/"data".*not a Sanctum demo/);
    }
    expect(sanctum(['demo', '--data', join(dir, 'new'), '--clients', 'lots']).stderr).toMatch(/"clients"/);
  });

  it('prints the current code for the published demo secret', () => {
    const res = sanctum(['demo', '--code']);
    expect(res.code).toBe(0);
    const code = res.stdout.trim();
    expect(code).toMatch(/^\d{6}$/);
    const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET) });
    expect(totp.validate({ token: code, window: 1 })).not.toBeNull();
  });
});
