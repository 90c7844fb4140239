import { formatInstant } from '../output/format.js';
import type { SessionView } from '../services/session-view.js';
import type { Column } from './columns.js';

// Fixed widths: a streamed list prints batch after batch and every batch must line up with the header.
export const SESSION_COLUMNS: readonly Column<SessionView>[] = [
  { header: 'SID', width: 9, cell: (session) => session.shortId },
  { header: 'USER', width: 36, cell: (session) => session.userId },
  { header: 'CREATED (UTC)', width: 19, cell: (session) => formatInstant(session.createdAt) },
  { header: 'LAST SEEN (UTC)', width: 19, cell: (session) => formatInstant(session.lastSeenAt) },
  { header: 'EXPIRES (UTC)', width: 19, cell: (session) => formatInstant(session.expiresAt) },
  { header: 'IP', width: 20, cell: (session) => session.ip },
  { header: 'USER AGENT', width: 40, cell: (session) => session.userAgent },
];
