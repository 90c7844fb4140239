import { formatDuration } from '../output/format.js';
import type { SessionDetails as SessionDetailsData } from '../services/session-query.service.js';
import { Details } from './details.js';

export interface SessionDetailsProps {
  session: SessionDetailsData;
  colour?: boolean;
}

/** One session, every field but the refresh-token hash, with the remaining lifetime of its keys. */
export function SessionDetails({ session, colour = false }: SessionDetailsProps) {
  const ttl = (ms: number | null) => (ms === null ? undefined : ms < 0 ? 'no expiry' : formatDuration(ms));
  return (
    <Details
      colour={colour}
      entries={[
        ['session', session.id],
        ['state', session.state],
        ['user', session.userId],
        ['created', session.createdAt],
        ['last seen', session.lastSeenAt],
        ['expires', session.expiresAt],
        ['idle expiry', session.idleExpiresAt],
        ['absolute expiry', session.absoluteExpiresAt],
        ['ip', session.ip],
        ['user agent', session.userAgent],
        ['refresh generation', session.refreshGeneration],
        ['revoked at', session.revokedAt],
        ['revoked reason', session.revokedReason],
        ['record TTL', ttl(session.recordTtlMs)],
        ['user index TTL', ttl(session.userIndexTtlMs)],
      ]}
    />
  );
}
