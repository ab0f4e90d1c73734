/**
 * Generates the therapy-note evaluation set test/fixtures/deid/therapy-notes.json: template notes
 * filled from bench/deid-pools.ts with a fixed seed (spans exact by construction) plus the
 * hand-annotated notes. Run: npx tsx bench/deid-generate.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../src/features/deid/surrogates.js';
import { gazetteer } from '../src/features/deid/gazetteer.js';
import * as pools from './deid-pools.js';
import { HAND_NOTES } from './deid-hand-notes.js';
import { UK_TEMPLATES, US_TEMPLATES } from './deid-templates.js';

export interface GoldNote {
  id: string;
  source: 'generated' | 'hand';
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
  known?: Array<{ text: string; type: string }>;
}

const r = prng(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const ord = (n: number) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
const DAYS = ['Mon', 'Tues', 'Wed', 'Thurs', 'Fri'];

function date(us: boolean): string {
  const d = int(1, 28), m = int(1, 12), y = int(2019, 2025), M = pools.MONTHS[m - 1];
  const forms = us
    ? [`${m}/${d}/${y}`, `${M} ${ord(d)}, ${y}`, `${M} ${d}, ${y}`, `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`, `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`]
    : [`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, `${d} ${M} ${y}`, `${ord(d)} ${M} ${y}`, `${pick(DAYS)} ${ord(d)}`, `${ord(d)} of ${M}`, `${d}.${m}.${String(y).slice(2)}`, `${d} ${M.slice(0, 3)} ${y}`];
  return pick(forms);
}

function nhs(): string {
  for (;;) {
    const d = Array.from({ length: 9 }, () => int(0, 9));
    const c = 11 - (d.reduce((s, v, i) => s + v * (10 - i), 0) % 11);
    if (c === 10) continue;
    const s = [...d, c === 11 ? 0 : c].join('');
    return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
  }
}

function slots(us: boolean): Record<string, [string, string]> {
  const town = pick(us ? pools.US_TOWNS : pools.UK_TOWNS);
  let town2 = pick(us ? pools.US_TOWNS : pools.UK_TOWNS);
  if (town2 === town) town2 = us ? 'Bozeman' : 'Otley';
  const c = pick(pools.FIRST), cl = pick(pools.LAST);
  const phone = us ? `(${int(201, 989)}) 555-0${int(100, 199)}` : `07${int(700, 999)} ${int(100000, 999999)}`;
  const phone2 = us ? `${int(201, 989)}-555-0${int(100, 199)}` : `0113 ${int(200, 999)} ${int(1000, 9999)}`;
  const state = int(0, pools.US_STATES.length - 1);
  return {
    c: ['PERSON', c], cl: ['PERSON', cl], cf: ['PERSON', `${c} ${cl}`], p: ['PERSON', pick(pools.FIRST)], pl: ['PERSON', pick(pools.LAST)],
    k: ['PERSON', pick(pools.FIRST)], k2: ['PERSON', pick(pools.FIRST)], m: ['PERSON', pick(pools.FIRST)], s: ['PERSON', pick(pools.FIRST)],
    f: ['PERSON', pick(pools.FIRST)], fl: ['PERSON', pick(pools.LAST)], t: ['PERSON', pick(pools.LAST)], t2: ['PERSON', `${pick(pools.FIRST)} ${pick(pools.LAST)}`],
    gp: ['PERSON', pick(pools.LAST)], th: ['PERSON', `${pick(pools.FIRST)} ${pick(pools.LAST)}`], th2: ['PERSON', pick(pools.FIRST)], sup: ['PERSON', `${pick(pools.FIRST)} ${pick(pools.LAST)}`],
    town: ['LOCATION', town], town2: ['LOCATION', town2], state: ['LOCATION', pools.US_STATES[state]], state_abbr: ['LOCATION', pools.US_STATE_ABBR[state]],
    street: ['ADDRESS', `${int(1, 240)} ${pick(pools.STREET_NAMES)} ${pick(pools.STREET_SUFFIX)}`], pc: ['POSTCODE', pick(pools.UK_POSTCODES)], zip: ['POSTCODE', String(int(10000, 99950))],
    school: ['ORGANISATION', `${pick(pools.SCHOOL_STEMS)} ${us ? pick(['Elementary School', 'Middle School', 'High School']) : pick(['Primary School', 'Academy', 'High School', 'Primary'])}`],
    employer: ['ORGANISATION', pick(us ? pools.US_EMPLOYERS : pools.EMPLOYERS)], org: ['ORGANISATION', `${pick(pools.SURGERY_STEMS)} ${us ? 'Family Medicine' : pick(['Counselling Service', 'Wellbeing Centre', 'Leisure Centre'])}`],
    surgery: ['ORGANISATION', `${pick(pools.SURGERY_STEMS)} ${pick(['Surgery', 'Medical Centre', 'Health Centre'])}`], hospital: ['ORGANISATION', `${pick(pools.HOSPITAL_STEMS)} ${us ? 'Medical Center' : 'Hospital'}`],
    phone: ['PHONE', phone], phone2: ['PHONE', phone2], email: ['EMAIL', `${c.toLowerCase()}.${cl.toLowerCase().replace(/[^a-z]/g, '')}${int(1, 99)}@${pick(['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.com'])}`],
    nhs: ['ID', nhs()], mrn: ['ID', `${pick(['MRN', 'RX', 'SC'])}${int(100000, 9999999)}`], mid: ['ID', `${pick(['XZH', 'W'])}${int(10000000, 99999999)}`],
    ssn: ['ID', `${int(100, 665)}-${String(int(1, 99)).padStart(2, '0')}-${int(1000, 9999)}`],
    d1: ['DATE', date(us)], d2: ['DATE', date(us)], d3: ['DATE', date(us)], dob: ['DATE', us ? `${int(1, 12)}/${int(1, 28)}/${int(1950, 2010)}` : `${String(int(1, 28)).padStart(2, '0')}/${String(int(1, 12)).padStart(2, '0')}/${int(1950, 2010)}`],
    month_yr: ['DATE', `${pick(pools.MONTHS)} ${int(2019, 2024)}`], month: ['DATE', pick(pools.MONTHS)], yr: ['DATE', String(int(1990, 2022))], age: ['AGE', String(int(90, 104))],
  };
}

function fill(template: string, values: Record<string, [string, string]>): Pick<GoldNote, 'text' | 'spans'> {
  let text = '';
  const spans: GoldNote['spans'] = [];
  let last = 0;
  for (const m of template.matchAll(/\{\{(\w+)\}\}/g)) {
    text += template.slice(last, m.index);
    const [type, value] = values[m[1]] ?? (() => { throw new Error(`unknown slot ${m[1]}`); })();
    spans.push({ start: text.length, end: text.length + value.length, type });
    text += value;
    last = m.index! + m[0].length;
  }
  return { text: text + template.slice(last), spans };
}

function parseHand(marked: string): Pick<GoldNote, 'text' | 'spans'> {
  let text = '';
  const spans: GoldNote['spans'] = [];
  let last = 0;
  for (const m of marked.matchAll(/\[\[([A-Z]+)\|([^\]]+)\]\]/g)) {
    text += marked.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + m[2].length, type: m[1] });
    text += m[2];
    last = m.index! + m[0].length;
  }
  return { text: text + marked.slice(last), spans };
}

export function generate(): GoldNote[] {
  const notes: GoldNote[] = [];
  for (let round = 0; round < 4; round++) {
    for (const [i, tpl] of [...UK_TEMPLATES, ...US_TEMPLATES].entries()) {
      const us = i >= UK_TEMPLATES.length;
      const v = slots(us);
      notes.push({ id: `gen-${round}-${i}`, source: 'generated', ...fill(tpl, v), known: [{ text: v.cf[1], type: 'PERSON' }] });
    }
  }
  HAND_NOTES.forEach((h, i) => notes.push({ id: `hand-${i}`, source: 'hand', ...parseHand(h) }));
  return notes;
}

function overlap(): string {
  const g = gazetteer();
  const share = (xs: string[], set: Set<string>) => `${xs.filter((x) => set.has(x.toLowerCase())).length}/${xs.length}`;
  return `pool overlap with gazetteers: first names ${share(pools.FIRST, new Set([...g.firsts, ...g.lasts]))}, surnames ${share(pools.LAST, new Set([...g.firsts, ...g.lasts]))}, towns ${share([...pools.UK_TOWNS, ...pools.US_TOWNS], g.places)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notes = generate();
  writeFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'deid', 'therapy-notes.json'), JSON.stringify(notes, null, 1) + '\n');
  console.log(`${notes.length} notes (${notes.filter((n) => n.source === 'hand').length} hand-annotated); ${overlap()}`);
}
