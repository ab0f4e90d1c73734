import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/paths.js';
import { isCivilDate } from './civil-date.js';

/** GOV.UK's three divisions for bank holidays (Wales shares England's). */
export type Division = 'england-and-wales' | 'scotland' | 'northern-ireland';

export interface MovedHoliday {
  holiday: string;
  from: string;
  to: string;
  divisions: Division[];
}

export interface AdditionalHoliday {
  date: string;
  name: string;
  divisions: Division[];
}

export interface OneOffs {
  moved: MovedHoliday[];
  additional: AdditionalHoliday[];
}

let loaded: OneOffs | undefined;

/** Read once: the file is part of the package, so a malformed one is a packaging fault, not user input. */
export function loadOneOffs(): OneOffs {
  if (loaded) return loaded;
  const file = join(packageRoot(), 'rules', 'bank-holidays', 'one-off.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<OneOffs>;
  const moved = raw.moved ?? [];
  const additional = raw.additional ?? [];
  for (const m of moved) {
    if (!isCivilDate(m.from) || !isCivilDate(m.to)) throw new Error(`one-off.json: bad moved entry ${m.holiday}`);
  }
  for (const a of additional) {
    if (!isCivilDate(a.date)) throw new Error(`one-off.json: bad additional entry ${a.name}`);
  }
  loaded = { moved, additional };
  return loaded;
}
