import type { Clock } from '../../core/clock.js';

/**
 * The demo is written as if months of work had happened: each step sets the clock to when it
 * would have taken place. Time never runs backwards (the audit log reads in order), and it never
 * passes the real present.
 */
export class DemoClock implements Clock {
  private t: number;
  constructor(start: Date, private readonly end: () => Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  /** Move to `iso` (never back, never beyond now), a second later each time so entries stay ordered. */
  at(iso: string | Date): void {
    const want = new Date(iso).getTime();
    this.t = Math.min(Math.max(want, this.t + 1000), this.end().getTime());
  }
  toPresent(): void {
    this.t = Math.max(this.t, this.end().getTime());
  }
}

export const addDays = (iso: string, days: number): string => new Date(new Date(iso.slice(0, 10) + 'T12:00:00Z').getTime() + days * 86_400_000).toISOString().slice(0, 10);
