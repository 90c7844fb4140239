import { Box, Text } from 'ink';
import { formatCount, formatDuration } from '../output/format.js';
import { safeCell } from '../output/sanitise.js';
import type { DashboardRates, DashboardSnapshot } from '../services/dashboard.service.js';
import { AuditTable } from './audit-table.js';

export interface TopDashboardProps {
  snapshot: DashboardSnapshot | null;
  redis: string;
  colour?: boolean;
  /** Shown under the title: how to leave. */
  footer?: string;
}

const RATE_LABELS: [keyof DashboardRates, string][] = [
  ['created', 'created'],
  ['refreshed', 'refreshed'],
  ['revoked', 'revoked'],
  ['reuseDetected', 'reuse-detected'],
  ['evicted', 'evicted'],
];

/** One frame of `sessionctl top`. Renders only what it is given. */
export function TopDashboard({ snapshot, redis, colour = false, footer }: TopDashboardProps) {
  if (!snapshot) return <Text>sessionctl top · {redis} · loading…</Text>;
  const live = snapshot.liveSessions;
  return (
    <Box flexDirection="column" gap={1}>
      <Box flexDirection="column">
        <Text bold={colour}>
          sessionctl top · {redis} · {new Date(snapshot.at).toISOString().slice(11, 19)} UTC
        </Text>
        {footer && <Text dimColor={colour}>{footer}</Text>}
      </Box>
      <Text>
        live sessions: {live ? `${formatCount(live.count)} (counted ${formatDuration(live.ageMs)} ago)` : 'counting…'}
        {snapshot.censusError ? `  count failed: ${safeCell(snapshot.censusError, 60)}` : ''}
      </Text>
      <Box flexDirection="column">
        <Box>
          <Box width={16} flexShrink={0}>
            <Text bold={colour}>PER MINUTE</Text>
          </Box>
          <Box width={12} flexShrink={0}>
            <Text bold={colour}>{'LAST 1 MIN'.padStart(10)}</Text>
          </Box>
          <Text bold={colour}>{'LAST 15 MIN'.padStart(11)}</Text>
        </Box>
        {RATE_LABELS.map(([key, label]) => (
          <Box key={key}>
            <Box width={16} flexShrink={0}>
              <Text color={colour && key === 'reuseDetected' && snapshot.lastMinute[key] > 0 ? 'red' : undefined}>
                {label}
              </Text>
            </Box>
            <Box width={12} flexShrink={0}>
              <Text>{snapshot.lastMinute[key].toFixed(1).padStart(10)}</Text>
            </Box>
            <Text>{snapshot.last15Minutes[key].toFixed(1).padStart(11)}</Text>
          </Box>
        ))}
      </Box>
      <Box flexDirection="column">
        <Text bold={colour}>USERS WITH THE MOST SESSIONS</Text>
        {snapshot.topUsers.length === 0 && <Text>{live ? '(none)' : 'counting…'}</Text>}
        {snapshot.topUsers.map((user) => (
          <Text key={user.userId}>
            {String(user.sessions).padStart(6)} {safeCell(user.userId, 40)}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column">
        <Text bold={colour}>NEWEST EVENTS</Text>
        {snapshot.latestEvents.length === 0 ? (
          <Text>(none yet)</Text>
        ) : (
          <AuditTable entries={snapshot.latestEvents} colour={colour} />
        )}
      </Box>
    </Box>
  );
}
