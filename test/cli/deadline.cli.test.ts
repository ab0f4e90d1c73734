import { describe, expect, it } from 'vitest';
import { sanctum as runCli } from '../support/cli.js';


const sanctum = async (args: string[]) => runCli(args);

const CONTRACT: Array<[string, unknown]> = [
  ['deadline sar --regime uk-gdpr --received 2026-01-31 --json', { due: '2026-03-02', extendedDue: '2026-04-30' }],
  ['deadline sar --regime hipaa --received 2026-03-01 --json', { due: '2026-03-31', extendedDue: '2026-04-30' }],
  ['deadline breach --regime uk-gdpr --aware 2026-05-01T09:00:00Z --json', { regulator: '2026-05-04T09:00:00Z' }],
  ['deadline breach --regime hipaa --discovered 2026-05-01 --affected 20 --json', { individuals: '2026-06-30', hhs: '2027-03-01', media: null }],
  ['deadline retention --policy uk-default --born 2010-06-01 --last-contact 2027-05-01 --json', { retainUntil: '2035-06-01' }],
];

describe('sanctum deadline (contract section 3)', () => {
  it('produces exactly the contract outputs, one JSON document each', async () => {
    const runs = await Promise.all(CONTRACT.map(([cmd]) => sanctum(cmd.split(' '))));
    runs.forEach((r, i) => {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toStrictEqual(CONTRACT[i][1]);
    });
  });

  it('takes a jurisdiction and lists holidays', async () => {
    const [sct, hol] = await Promise.all([
      sanctum('deadline sar --regime uk-gdpr --received 2026-10-30 --jurisdiction GB-SCT --json'.split(' ')),
      sanctum('deadline holidays --jurisdiction GB-NIR --year 2025 --json'.split(' ')),
    ]);
    expect(JSON.parse(sct.stdout)).toEqual({ due: '2026-12-01', extendedDue: '2027-02-01' });
    expect(JSON.parse(hol.stdout)).toContainEqual({ date: '2025-07-14', name: "Battle of the Boyne (Orangemen's Day) (substitute day)" });
  });

  it('exits 2 with one line naming the flag on bad input', async () => {
    const cases: Array<[string, RegExp]> = [
      ['deadline sar --regime uk-gdpr --received 2026-02-30 --json', /^deadline sar: --received: .*2026-02-30/],
      ['deadline sar --regime gdpr --received 2026-01-01 --json', /^deadline sar: --regime: expected one of uk-gdpr, hipaa/],
      ['deadline sar --regime uk-gdpr --json', /^deadline sar: --received is required/],
      ['deadline sar --regime uk-gdpr --received 2026-01-01 --jurisdiction US-CA', /--jurisdiction: expected one of GB-ENG/],
      ['deadline breach --regime hipaa --discovered 2026-05-01 --affected -5 --json', /^deadline breach: --affected: expected a whole number/],
      ['deadline breach --regime hipaa --discovered 2026-05-01 --json', /--affected is required/],
      ['deadline breach --regime uk-gdpr --aware yesterday --json', /^deadline breach: --aware: expected an ISO-8601 timestamp/],
      ['deadline retention --policy nope --last-contact 2026-01-01 --json', /--policy: expected one of uk-default/],
      ['deadline retention --policy uk-default --json', /--last-contact is required/],
      ['deadline soon --json', /unknown subcommand "soon"/],
    ];
    const runs = await Promise.all(cases.map(([cmd]) => sanctum(cmd.split(' '))));
    runs.forEach((r, i) => {
      expect(r.code, cases[i][0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    });
  });
});
