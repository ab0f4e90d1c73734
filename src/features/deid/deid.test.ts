import { describe, expect, it } from 'vitest';
import { createDeidState, deidentify } from './deid.js';
import { shiftDate } from './date-shift.js';

const NOTE = 'Sarah Jones came in. Sarah said her husband Tom was angry. sarah\'s mum rang; SARAH left. Tom Jones phoned on 12 March 2024 and 19/03/2024.';

describe('deidentify', () => {
  it('indexes the input and gives the same tag to the same entity', () => {
    const r = deidentify(NOTE, { knownIdentifiers: [{ text: 'Sarah Jones', type: 'PERSON' }] });
    for (const e of r.entities) expect(NOTE.slice(e.start, e.end)).toBe(e.text);
    const bySarah = r.entities.filter((e) => /sarah/i.test(e.text!)).map((e) => e.replacement);
    expect(new Set(bySarah)).toEqual(new Set(['[PERSON-1]']));
    expect(r.text).not.toMatch(/sarah/i);
    expect(r.text).toContain("[PERSON-1]'s mum");
  });
  it('catches known identifiers case-insensitively, with their parts and possessives', () => {
    const r = deidentify('JONES and jones; the Joneses? 14 Elm Road was her home. Dr Ashworth is her GP.', {
      knownIdentifiers: [{ text: 'Sarah Jones', type: 'PERSON' }, { text: '14 Elm Road, Leeds', type: 'ADDRESS' }, { text: 'Dr Ashworth', type: 'PERSON' }],
    });
    expect(r.text).not.toMatch(/jones\b|elm road|ashworth/i);
  });
  it('matches a known name that is an ordinary word only when capitalised', () => {
    const r = deidentify('Will said he will come. WILL wrote.', { knownIdentifiers: [{ text: 'Will Harper', type: 'PERSON' }] });
    expect(r.text).toBe('[PERSON-1] said he will come. [PERSON-1] wrote.');
  });
  it('carries the mapping across notes of one case through state', () => {
    const state = createDeidState('case-7');
    const a = deidentify('Ruby Okafor attended.', { state });
    const b = deidentify('Her sister Mia rang Ruby.', { state });
    expect(a.text).toBe('[PERSON-1] attended.');
    expect(b.text).toBe('Her sister [PERSON-2] rang [PERSON-1].');
  });
  it('gives reproducible, consistent stand-ins per case key', () => {
    const one = deidentify(NOTE, { surrogates: true, caseKey: 'k1' });
    const two = deidentify(NOTE, { surrogates: true, caseKey: 'k1' });
    expect(one.text).toBe(two.text);
    expect(one.text).not.toMatch(/Sarah|Tom|12 March 2024/);
    const first = one.entities.find((e) => e.text === 'Sarah')!.replacement;
    expect(one.entities.find((e) => e.text === 'Sarah Jones')!.replacement.split(' ')[0]).toBe(first);
    expect(deidentify(NOTE, { surrogates: true, caseKey: 'k2' }).text).not.toBe(one.text);
  });
  it('shifts dates and keeps the intervals between them', () => {
    const r = deidentify('Seen on 12 March 2024 and again on 19/03/2024.', { dateShiftDays: 10 });
    expect(r.text).toBe('Seen on 22 March 2024 and again on 29/03/2024.');
  });
  it('keeps the CLI-facing fields', () => {
    const e = deidentify('Email sj@example.com').entities[0];
    expect(e).toMatchObject({ start: 6, end: 20, type: 'EMAIL', replacement: '[EMAIL-1]' });
  });
});

describe('shiftDate', () => {
  it('writes the shifted date back in the same style', () => {
    expect(shiftDate('2024-02-28', 2)).toBe('2024-03-01');
    expect(shiftDate('March 12th, 2024', 30)).toBe('April 11th, 2024');
    expect(shiftDate('5/20/2021', 1)).toBe('5/21/2021');
    expect(shiftDate('2019', 400)).toBe('2020');
    expect(shiftDate('Tues 3rd', 5)).toBeNull();
  });
});

describe('stand-ins across titles and kinship words', () => {
  it('gives "Sister Priya" and "Priya" the same stand-in', () => {
    const out = deidentify('Her sister Priya rang twice. Sister Priya said she would visit.', {});
    const tags = out.entities.map((e) => e.replacement);
    expect(new Set(tags).size).toBe(1);
  });
});

