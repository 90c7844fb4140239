import { formatDuration } from '../output/format.js';
import type { DashboardSnapshot } from '../services/dashboard.service.js';

/** One plain line per refresh, for `top` without a terminal (logs, CI, `watch`). */
export function dashboardLine(snapshot: DashboardSnapshot): string {
  const live = snapshot.liveSessions;
  const rates = snapshot.lastMinute;
  const liveText = live ? `live=${live.count} counted=${formatDuration(live.ageMs)}-ago` : 'live=counting';
  return [
    new Date(snapshot.at).toISOString(),
    liveText,
    `created/min=${rates.created}`,
    `refreshed/min=${rates.refreshed}`,
    `revoked/min=${rates.revoked}`,
    `reuse-detected/min=${rates.reuseDetected}`,
    `evicted/min=${rates.evicted}`,
  ].join(' ');
}
