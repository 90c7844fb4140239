import { Box } from 'ink';
import { formatBytes, formatCount, formatDuration } from '../output/format.js';
import type { SessionStats } from '../services/session-stats.service.js';
import { Details } from './details.js';
import { Histogram } from './histogram.js';

export interface StatsReportProps {
  stats: SessionStats;
  colour?: boolean;
}

/** `sessions stats` for people: the figures, then the age and remaining-lifetime histograms. */
export function StatsReport({ stats, colour = false }: StatsReportProps) {
  const memory = stats.memoryPerSession;
  const rates = stats.perMinute;
  return (
    <Box flexDirection="column" gap={1}>
      <Details
        colour={colour}
        entries={[
          ['live sessions', formatCount(stats.liveSessions)],
          ['users with sessions', formatCount(stats.usersWithSessions)],
          [
            'sessions per user',
            `max ${stats.sessionsPerUser.max}, p99 ${stats.sessionsPerUser.p99}, mean ${stats.sessionsPerUser.mean}`,
          ],
          [
            'memory per session',
            memory ? `${formatBytes(memory.meanBytes)} (MEMORY USAGE of ${memory.sampled} sampled)` : undefined,
          ],
          ['memory, all sessions', memory ? `≈ ${formatBytes(memory.estimatedTotalBytes)}` : undefined],
          [
            'per minute',
            rates
              ? `created ${rates.created}, refreshed ${rates.refreshed}, revoked ${rates.revoked}, evicted ${rates.evicted}, reuse-detected ${rates.reuseDetected} (last ${rates.windowMinutes} min)`
              : undefined,
          ],
          ['not-before', stats.notBefore ?? undefined],
          ['scanned in', formatDuration(stats.scanMs)],
        ]}
      />
      <Histogram title="age" buckets={stats.age} />
      <Histogram title="remaining lifetime" buckets={stats.remainingLifetime} />
    </Box>
  );
}
