/**
 * The deadline dashboard: every statutory clock of the practice in one list, overdue first.
 * Each feature that owns a clock (subject access, breaches, accountings…) supplies a
 * ClockProvider; the dashboard knows nothing about any of them.
 */
import type { Principal } from '../../core/access.js';
import type { AppContext } from '../../context.js';
import { daysBetween } from '../deadlines/civil-date.js';

export interface DueClock {
  /** Which provider: 'sar', 'breach', … */
  source: string;
  id: string;
  /** Short label without names: e.g. "Subject access · C-ABCD-EFGH". */
  label: string;
  /** What the clock is for, e.g. "Reply to the client" or "Tell the regulator". */
  duty: string;
  due: string; // YYYY-MM-DD, or an ISO instant for hour-based clocks
  status: string;
  caseCode: string | null;
  /** Where the app shows it. */
  href: string;
}

export interface DashboardItem extends DueClock {
  daysLeft: number;
  urgency: 'overdue' | 'due_today' | 'due_soon' | 'later';
}

export interface ClockProvider {
  source: string;
  /** Open clocks the principal may see; ids, codes and dates only. */
  clocks(ctx: AppContext, principal: Principal): Promise<DueClock[]>;
}

const SOON_DAYS = 7;

export function rank(items: DueClock[], today: string): DashboardItem[] {
  return items
    .map((i) => {
      const daysLeft = daysBetween(today, i.due.slice(0, 10));
      const urgency: DashboardItem['urgency'] = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due_today' : daysLeft <= SOON_DAYS ? 'due_soon' : 'later';
      return { ...i, daysLeft, urgency };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

export async function dashboard(ctx: AppContext, principal: Principal, providers: readonly ClockProvider[], today: string): Promise<{ today: string; overdue: number; items: DashboardItem[] }> {
  const all = (await Promise.all(providers.map((p) => p.clocks(ctx, principal)))).flat();
  const items = rank(all, today);
  return { today, overdue: items.filter((i) => i.urgency === 'overdue').length, items };
}
