import type { SessionView } from '../services/session-view.js';
import { SESSION_COLUMNS } from './session-columns.js';
import { Table } from './table.js';

export interface SessionTableProps {
  sessions: readonly SessionView[];
  header?: boolean;
  colour?: boolean;
}

/** Sessions as `sessions list` prints them: short sid, user, times, ip and user agent. */
export function SessionTable({ sessions, header = true, colour = false }: SessionTableProps) {
  return <Table columns={SESSION_COLUMNS} rows={sessions} header={header} colour={colour} />;
}
