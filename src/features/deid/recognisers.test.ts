import { describe, expect, it } from 'vitest';
import { itinValid, luhnValid, nhsValid, ninoValid, ssnValid, ukLicenceValid } from './recognisers/checksums.js';
import { findAges } from './recognisers/ages.js';
import { findAddresses } from './recognisers/addresses.js';
import { findDates } from './recognisers/dates.js';
import { findRecordNumbers } from './recognisers/ids.js';
import { findOrganisations } from './recognisers/organisations.js';
import { findNamesInContext } from './recognisers/names.js';
import { findPlacesInContext } from './recognisers/places.js';
import { findZips } from './recognisers/postcodes.js';
import { recognise } from './recognise.js';

const texts = (t: string, spans: Array<{ start: number; end: number }>) => spans.map((s) => t.slice(s.start, s.end));

describe('checksums', () => {
  it('NHS numbers pass modulus 11 and nothing else does', () => {
    expect(nhsValid('943 476 5919')).toBe(true);
    expect(nhsValid('943 476 5918')).toBe(false);
    expect(nhsValid('1111111111')).toBe(false);
  });
  it('NI numbers follow HMRC prefix and suffix rules', () => {
    expect(ninoValid('AB 12 34 56 C')).toBe(true);
    for (const bad of ['DA123456A', 'AD123456A', 'AO123456A', 'GB123456A', 'ZZ123456A', 'AB123456E']) expect(ninoValid(bad)).toBe(false);
  });
  it('SSNs exclude area 000, 666, 9xx, group 00 and serial 0000', () => {
    expect(ssnValid('531-21-7351')).toBe(true);
    for (const bad of ['000-12-3456', '666-12-3456', '912-12-3456', '531-00-7351', '531-21-0000', '531-21.7351']) expect(ssnValid(bad)).toBe(false);
    expect(itinValid('911-70-1234')).toBe(true);
    expect(itinValid('911-89-1234')).toBe(false);
  });
  it('cards pass Luhn; UK licences have a real month and day', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1112')).toBe(false);
    expect(ukLicenceValid('MORGA657054SM9IJ')).toBe(true);
    expect(ukLicenceValid('MORGA613054SM9IJ')).toBe(false);
  });
});

describe('dates', () => {
  it('finds every common written form', () => {
    const t = 'Seen 12/03/2024, then 12 March 2024, March 12th, 2024, Tues 3rd, the 4th of May, 2024-03-12 and in 2019.';
    expect(texts(t, findDates(t))).toEqual(expect.arrayContaining(['12/03/2024', '12 March 2024', 'March 12th, 2024', 'Tues 3rd', 'the 4th of May', '2024-03-12', '2019']));
  });
  it('does not treat "last Tuesday" or a bare weekday as an identifier', () => {
    expect(recognise('She phoned last Tuesday and again on Monday.').filter((s) => s.type === 'DATE')).toEqual([]);
  });
});

describe('ages', () => {
  it('flags ages over 89 only', () => {
    const t = 'Aged 92, her sister is a 95-year-old and her son is 64 years old; a 104 yo neighbour.';
    expect(texts(t, findAges(t))).toEqual(expect.arrayContaining(['92', '95', '104']));
    expect(texts(t, findAges(t))).not.toContain('64');
  });
});

describe('addresses, postcodes, records', () => {
  it('finds street addresses, flats and PO boxes', () => {
    const t = 'She moved to Flat 3, 27 Cardigan Road, Headingley and uses PO Box 118.';
    expect(texts(t, findAddresses(t))).toEqual(expect.arrayContaining(['Flat 3', '27 Cardigan Road, Headingley', 'PO Box 118']));
  });
  it('takes a US ZIP only with context', () => {
    expect(texts('Helena, MT 59601', findZips('Helena, MT 59601'))).toEqual(['59601']);
    expect(findZips('She owes 12000 dollars')).toEqual([]);
  });
  it('finds record numbers by the words before them', () => {
    const t = 'MRN: RX448201, hospital number 7734521, case ref LS24F00931.';
    expect(texts(t, findRecordNumbers(t))).toEqual(['RX448201', '7734521', 'LS24F00931']);
  });
});

describe('names, places and organisations in context', () => {
  it('finds names after titles, relations and naming verbs', () => {
    const t = 'Dr Okafor saw her husband Tom and her daughters Ava and Mia; a friend called Hope.';
    expect(texts(t, findNamesInContext(t))).toEqual(expect.arrayContaining(['Okafor', 'Tom', 'Ava', 'Mia', 'Hope']));
  });
  it('finds places and organisations', () => {
    const t = 'He grew up in Hebden Bridge and works at Calder Print. Her son goes to Moorside Primary School; GP at Beechwood Surgery.';
    expect(texts(t, findPlacesInContext(t))).toContain('Hebden Bridge');
    expect(texts(t, findOrganisations(t))).toEqual(expect.arrayContaining(['Calder Print', 'Moorside Primary School', 'Beechwood Surgery']));
  });
  it('catches unknown capitalised and lower-case words but not ordinary English or clinical terms', () => {
    const t = 'Zephyrine said CBT and the PHQ-9 helped; she met wojtek at the behaviour clinic.';
    const found = texts(t, recognise(t));
    expect(found).toEqual(expect.arrayContaining(['Zephyrine', 'wojtek']));
    expect(found.join(' ')).not.toMatch(/CBT|PHQ|behaviour/);
  });
});

describe('address lines, corners and firms', () => {
  const redacted = (t: string) => recognise(t).map((s) => `${s.type}:${t.slice(s.start, s.end)}`);
  it('takes a street corner as one address', () => {
    const t = 'She now lives at the junction of Mill Lane 4 and Carver Road, near the park.';
    expect(texts(t, findAddresses(t))).toContain('the junction of Mill Lane 4 and Carver Road');
  });
  it('runs an address on to the end of its line, countries with "and" included', () => {
    const t = 'Send it to Flat 12 Keswick Trinidad and Tobago\nThanks';
    expect(redacted(t)).toContain('ADDRESS:Flat 12 Keswick Trinidad and Tobago');
    const prose = 'We met at Flat 3 on Monday and talked.';
    expect(texts(prose, findAddresses(prose))).toEqual(['Flat 3']);
  });
  it('draws in the number after an abbreviated street word', () => {
    const t = 'Her old address was 14 Dunmore str. 22, she said.';
    expect(redacted(t).some((s) => s.startsWith('ADDRESS:') && s.includes('str. 22'))).toBe(true);
  });
  it('reads "the A, B and C <noun>" as a firm of partners', () => {
    const t = 'She temps for the Okonkwo, Reyes and Lindqvist practice downtown.';
    expect(texts(t, findOrganisations(t))).toContain('Okonkwo, Reyes and Lindqvist');
    const friends = 'She met Tom, Ann and Sue at the park.';
    expect(findOrganisations(friends)).toEqual([]);
  });
});

describe('factored alternations', () => {
  it('match exactly the listed words, longer words first', async () => {
    const { alternation } = await import('./alternation.js');
    const words = ['son', 'sons', 'mother', 'mother-in-law', 'mum', 'ex', 'ex-wife', "Children's Centre", 'St.'];
    const whole = new RegExp(`^${alternation(words)}$`, 'u');
    for (const w of words) expect(whole.test(w)).toBe(true);
    for (const w of ['so', 'mothe', 'ex-', 'St', 'sonss']) expect(whole.test(w)).toBe(false);
    expect(new RegExp(alternation(words)).exec('my ex-wife')?.[0]).toBe('ex-wife');
    expect(new RegExp(alternation(words)).exec('her mother-in-law')?.[0]).toBe('mother-in-law');
  });
});
