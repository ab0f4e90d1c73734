/**
 * Microsoft Presidio's pattern-recogniser test vectors (MIT; test/fixtures/deid/presidio/), run
 * against Sanctum's recognisers. Every must-detect case must be covered (every letter and digit of
 * the expected span inside a detected span, so Presidio's habit of including quotes does not
 * matter) and every must-reject case must not be detected as that type; deviations are listed
 * below with the reason. Extra detections in a must-detect case are not failures: Sanctum favours
 * recall. Not ported (types Sanctum does not handle): IBAN, crypto wallets, MAC addresses, US MBI,
 * US NPI, US bank numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/paths.js';
import { deidentify } from './deid.js';
import type { EntityType, Span } from './deid.types.js';
import { findEmails, findUrls } from './recognisers/contact.js';
import { findDates } from './recognisers/dates.js';
import { findCards, findItin, findNhs, findNino, findSsn, findUkLicence, findUkPassport, findUsLicence, findUsPassport } from './recognisers/ids.js';
import { findIps } from './recognisers/ip.js';
import { findPhones } from './recognisers/phones.js';
import { findUkPostcodes } from './recognisers/postcodes.js';

const RECOGNISERS: Record<string, [string, EntityType, (t: string) => Span[]]> = {
  credit_card: ['credit card', 'ID', findCards],
  date: ['date', 'DATE', findDates],
  email: ['email', 'EMAIL', findEmails],
  ip: ['IP address', 'IP', findIps],
  phone: ['phone', 'PHONE', findPhones],
  uk_driving_licence: ['UK driving licence', 'ID', findUkLicence],
  uk_nhs: ['NHS number', 'ID', findNhs],
  uk_nino: ['National Insurance number', 'ID', findNino],
  uk_passport: ['UK passport', 'ID', findUkPassport],
  uk_postcode: ['UK postcode', 'POSTCODE', findUkPostcodes],
  url: ['URL', 'URL', findUrls],
  us_driver_license: ['US driver licence', 'ID', findUsLicence],
  us_itin: ['US ITIN', 'ID', findItin],
  us_passport: ['US passport', 'ID', findUsPassport],
  us_ssn: ['US SSN', 'ID', findSsn],
};

/**
 * Must-reject cases that the full engine still flags as that type, on purpose. (Each recogniser on
 * its own rejects them; these are caught by a different, broader layer.)
 */
const ALLOWED: Record<string, string> = {
  'credit_card|1748503543012': 'no issuer prefix (a 13-digit number starting with 1), but any unexplained run of nine or more digits is redacted as an ID (recall first)',
  'credit_card|36168002586008': 'fails Luhn; redacted as a long digit run',
  'credit_card|my credit card number is 36168002586008': 'fails Luhn; redacted as a long digit run',
  'uk_passport|A12345678': 'not a UK passport, but it is the shape of a US passport (letter and eight digits)',
  'uk_passport|123456789': 'not a UK passport, but nine digits are the shape of a US passport',
  'uk_nino|ab1234561': 'not a NINO, but two letters and seven digits is the UK passport shape',
  'us_itin|my tax id 911-89-1234': 'not an ITIN (group 89), but any number after "tax id" is redacted as a record number',
};

interface Case { text: string; expected_len?: number; expected_positions?: number[][]; expected_res?: number[][] }
interface File { tests: Array<{ test: string; cases: Case[] }> }

const data = JSON.parse(readFileSync(join(packageRoot(), 'test/fixtures/deid/presidio/presidio_recognizer_cases.json'), 'utf8')) as { files: Record<string, File> };
const alnum = /[\p{L}\p{N}]/u;
const covers = (text: string, spans: Array<{ start: number; end: number }>, s: number, e: number) =>
  [...text.slice(s, e)].every((ch, i) => !alnum.test(ch) || spans.some((x) => x.start <= s + i && s + i < x.end));

for (const [path, file] of Object.entries(data.files)) {
  const key = /test_(\w+)_recognizer\.py$/.exec(path)?.[1] ?? '';
  const entry = RECOGNISERS[key];
  if (!entry) continue;
  const [label, type, find] = entry;
  describe(`Presidio ${label} cases`, () => {
    for (const t of file.tests) {
      for (const c of t.cases) {
        const positions = c.expected_positions ?? c.expected_res ?? [];
        const mustReject = (c.expected_len ?? 0) === 0 && positions.length === 0;
        if (mustReject) {
          it(`rejects ${JSON.stringify(c.text)}`, () => {
            expect(find(c.text).map((s) => c.text.slice(s.start, s.end))).toEqual([]);
            const flagged = deidentify(c.text).entities.filter((e) => e.type === type);
            // An allowed deviation must still be one, so the list stays honest.
            if (ALLOWED[`${key}|${c.text}`]) expect(flagged.length).toBeGreaterThan(0);
            else expect(flagged.map((e) => e.text)).toEqual([]);
          });
        } else {
          it(`detects ${JSON.stringify(c.text)}`, () => {
            const spans = find(c.text);
            const entities = deidentify(c.text).entities;
            if (positions.length === 0) expect(spans.length).toBeGreaterThan(0);
            for (const [s, e] of positions) {
              expect(covers(c.text, spans, s, e), `recogniser misses ${c.text.slice(s, e)}`).toBe(true);
              expect(covers(c.text, entities, s, e), `engine misses ${c.text.slice(s, e)}`).toBe(true);
            }
          });
        }
      }
    }
  });
}
