/**
 * Builds the de-identification gazetteers under src/features/deid/data/ from @faker-js/faker's
 * locale data (MIT) plus hand-kept UK place and employer lists. Run: npx tsx scripts/build-deid-gazetteers.ts
 * The runtime reads only the generated text files; it never imports faker.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLocales } from '@faker-js/faker';
import { UK_PLACES, EMPLOYERS, EXTRA_FIRST_NAMES } from './deid-gazetteer-lists.js';

const out = join(import.meta.dirname, '..', 'src', 'features', 'deid', 'data');
const LATIN = /^[\p{Script=Latin}' -]+$/u;

type Def = Record<string, unknown> | string[] | undefined;
function flatten(def: Def): string[] {
  if (!def) return [];
  if (Array.isArray(def)) return def.filter((x): x is string => typeof x === 'string');
  return Object.values(def).flatMap((v) => flatten(v as Def));
}

const firsts = new Set<string>();
const lasts = new Set<string>();
const places = new Set<string>();
for (const [, loc] of Object.entries(allLocales)) {
  const person = (loc as { person?: Record<string, Def> }).person ?? {};
  for (const n of flatten(person.first_name)) if (LATIN.test(n)) firsts.add(n.toLowerCase());
  for (const n of flatten(person.last_name)) if (LATIN.test(n)) lasts.add(n.toLowerCase());
}
for (const n of EXTRA_FIRST_NAMES) firsts.add(n.toLowerCase());
const en = allLocales.en.location as Record<string, Def>;
const gb = allLocales.en_GB.location as Record<string, Def>;
const us = allLocales.en_US.location as Record<string, Def>;
for (const list of [en.city_name, en.state, en.country, en.county, gb.county, us.county])
  for (const p of flatten(list)) if (LATIN.test(p)) places.add(p.toLowerCase().replace(/ county$/, ''));
for (const p of UK_PLACES) places.add(p.toLowerCase());

const write = (name: string, items: Iterable<string>) => {
  const sorted = [...new Set(items)].filter((s) => s.length > 1).sort();
  writeFileSync(join(out, name), sorted.join('\n') + '\n');
  console.log(`${name}: ${sorted.length}`);
};
write('first-names.txt', firsts);
write('surnames.txt', lasts);
write('places.txt', places);
write('employers.txt', EMPLOYERS.map((e) => e.toLowerCase()));
