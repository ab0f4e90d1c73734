import { sarClocks } from '../sar/sar.clocks.js';
import type { ClockProvider } from './dashboard.js';
import { breachClockProvider } from '../breaches/clock-provider.js';
import { requestClocks } from '../requests/request.clocks.js';
import { retentionClocks } from '../retention/retention.clocks.js';

/** Every feature's clocks on the dashboard. A feature with a clock adds one entry here. */
export const clockProviders: ClockProvider[] = [sarClocks, breachClockProvider, requestClocks, retentionClocks];
