import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sanctum as runCli } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sanctum-triage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sanctum = (args: string[], stdin?: string) => runCli(args, { input: stdin });

const example = {
  jurisdiction: 'GB-ENG',
  requester: 'police',
  asks: 'records',
  authority: 'none',
  client: { status: 'current', age: 34, competent: null, hasCapacity: true },
  concerns: [],
  emergency: false,
  consent: 'not_sought',
};

describe('sanctum triage', () => {
  it('reads a file and writes exactly one JSON document (exit 0)', () => {
    const file = join(dir, 'police.json');
    writeFileSync(file, JSON.stringify(example));
    const r = sanctum(['triage', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['basis', 'recommendation', 'mustNotInformClient', 'steps', 'reasons']),
    );
    expect(out).toMatchObject({
      basis: 'consent_needed',
      recommendation: 'seek_consent',
      mustNotInformClient: false,
      steps: ['verify_requester', 'consult_supervisor', 'legal_advice', 'discuss_with_client', 'document_decision'],
    });
    expect(out.reasons[0]).toMatchObject({ rule: 'gb.police.no-court-order' });
    expect(typeof out.reasons[0].text).toBe('string');
    expect(typeof out.reasons[0].source).toBe('string');
  });

  it('reads standard input for "-" and when no file is given', () => {
    const body = JSON.stringify({ ...example, requester: 'media', asks: 'contact_clients' });
    for (const args of [['triage', '-', '--json'], ['triage', '--json']]) {
      const r = sanctum(args, body);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ basis: 'no_basis', recommendation: 'decline' });
    }
  });

  it('exits 2 with one line naming the field for a bad value', () => {
    const r = sanctum(['triage', '-', '--json'], JSON.stringify({ ...example, authority: 'letter' }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'triage: field "authority": expected one of none, client_authority, court_order, subpoena, warrant, statutory_notice\n',
    );
  });

  it('exits 2 for an unknown jurisdiction, a missing field, an extra field and malformed JSON', () => {
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify({ ...example, jurisdiction: 'US-ZZ' }), /^triage: field "jurisdiction": expected one of GB-ENG/],
      [JSON.stringify({ ...example, consent: undefined }), /^triage: field "consent": is required/],
      [JSON.stringify({ ...example, extra: 1 }), /^triage: field "extra": is not a known field/],
      ['{"jurisdiction": ', /^triage: input is not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const r = sanctum(['triage', '--json'], body);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('prints a readable summary without --json', () => {
    const r = sanctum(['triage'], JSON.stringify(example));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Basis: +Possible only with the client's consent/);
    expect(r.stdout).toMatch(/Police and Criminal Evidence Act 1984/);
  });

  it('lists rules with citations, optionally for one jurisdiction', () => {
    const r = sanctum(['triage', '--list-rules', '--jurisdiction', 'US-CA', '--json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as Array<{ id: string; source: string; jurisdiction: string }>;
    expect(rules.map((x) => x.id)).toContain('ca.threat.duty-to-protect');
    expect(rules.every((x) => x.jurisdiction === 'US-CA' && x.source.length > 0)).toBe(true);
    const bad = sanctum(['triage', '--list-rules', '--jurisdiction', 'XX', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^triage: field "jurisdiction": expected one of/);
  });

  it('exits 2 for an unknown option', () => {
    const r = sanctum(['triage', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
