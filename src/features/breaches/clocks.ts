/**
 * The breach clocks, computed by the deadline engine and judged against what has been recorded.
 * Pure: the caller passes "now".
 */
import { civilDateIn } from '../deadlines/civil-date.js';
import { hipaaBreach, ukGdprBreach } from '../deadlines/deadlines.js';
import type { Audience, BreachRegime } from './breaches.js';
import { requiredAudiences } from './risk.js';

export interface BreachClock {
  audience: Audience;
  /** ISO instant (UK regulator) or civil date (HIPAA). */
  due: string;
  basis: string;
  required: boolean;
  state: 'done' | 'decided_not_to' | 'running' | 'overdue' | 'not_required';
  /** Hours left (negative once overdue), to the hour: for the 72-hour clock's display. */
  hoursLeft: number | null;
}

export interface ClockFacts {
  regime: BreachRegime;
  discoveredAt: string;
  affectedCount: number;
  outcome: string | null;
  status: 'open' | 'closed';
  /** Audiences with a "sent" record (for individuals: every affected client) or a "not notified" decision. */
  done: Set<Audience>;
  decidedNot: Set<Audience>;
}

export function breachClocks(f: ClockFacts, now: Date, timeZone: string): BreachClock[] {
  const required = new Set(requiredAudiences(f.regime, f.outcome, f.affectedCount));
  const state = (a: Audience, dueMs: number): BreachClock['state'] => {
    if (f.done.has(a)) return 'done';
    if (f.decidedNot.has(a)) return 'decided_not_to';
    if (!required.has(a)) return 'not_required';
    return now.getTime() > dueMs ? 'overdue' : 'running';
  };
  if (f.regime === 'uk-gdpr') {
    const { regulator } = ukGdprBreach({ aware: f.discoveredAt });
    const dueMs = Date.parse(regulator);
    const clocks: BreachClock[] = [{
      audience: 'regulator', due: regulator, basis: 'UK GDPR Art. 33(1): 72 hours from awareness', required: required.has('regulator'),
      state: state('regulator', dueMs), hoursLeft: Math.floor((dueMs - now.getTime()) / 3_600_000),
    }];
    if (required.has('individual')) {
      // Art. 34 sets no hours, only "without undue delay": shown against the same 72 hours as a prompt.
      clocks.push({ audience: 'individual', due: regulator, basis: 'UK GDPR Art. 34(1): without undue delay', required: true, state: state('individual', dueMs), hoursLeft: null });
    }
    return clocks;
  }
  const d = hipaaBreach({ discovered: civilDateIn(f.discoveredAt, timeZone), affected: f.affectedCount });
  const endOf = (date: string) => Date.parse(`${date}T23:59:59Z`);
  const list: BreachClock[] = [
    { audience: 'individual', due: d.individuals, basis: '45 CFR §164.404(b): 60 days from discovery', required: required.has('individual'), state: state('individual', endOf(d.individuals)), hoursLeft: null },
    { audience: 'hhs', due: d.hhs, basis: f.affectedCount >= 500 ? '45 CFR §164.408(b): with the individual notices' : '45 CFR §164.408(c): 60 days after the end of the calendar year', required: required.has('hhs'), state: state('hhs', endOf(d.hhs)), hoursLeft: null },
  ];
  if (d.media) list.push({ audience: 'media', due: d.media, basis: '45 CFR §164.406(b): 60 days from discovery', required: required.has('media'), state: state('media', endOf(d.media)), hoursLeft: null });
  return list;
}

export const isLoud = (c: BreachClock) => c.state === 'overdue';
