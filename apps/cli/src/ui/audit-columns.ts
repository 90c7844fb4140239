import type { AuditEntry } from '@sessionops/audit';
import { shortSessionId } from '@sessionops/sessions';
import { formatInstant } from '../output/format.js';
import type { Column } from './columns.js';

/** Who made a change, compactly: `operator ops@bastion`, `admin <user id>`. */
export function describeActor(entry: AuditEntry): string {
  const actor = entry.actor;
  if (!actor) return '';
  const who = [actor.id, actor.host].filter(Boolean).join('@');
  return who ? `${actor.kind} ${who}` : actor.kind;
}

// Fixed widths: `audit tail --follow` prints batch after batch under one header.
export const AUDIT_COLUMNS: readonly Column<AuditEntry>[] = [
  { header: 'TIME (UTC)', width: 19, cell: (entry) => formatInstant(new Date(entry.at).toISOString()) },
  { header: 'EVENT', width: 14, cell: (entry) => entry.type },
  { header: 'SID', width: 9, cell: (entry) => (entry.sessionId ? shortSessionId(entry.sessionId) : '') },
  { header: 'USER', width: 36, cell: (entry) => entry.userId ?? '' },
  { header: 'REASON', width: 14, cell: (entry) => entry.reason ?? '' },
  { header: 'ACTOR', width: 28, cell: describeActor },
  { header: 'NOTE', width: 40, cell: (entry) => entry.actor?.note ?? '' },
];

/** A narrower set for the `top` screen (about 100 characters): time of day, no note, shorter user ids. */
export const COMPACT_AUDIT_COLUMNS: readonly Column<AuditEntry>[] = [
  { header: 'TIME', width: 8, cell: (entry) => new Date(entry.at).toISOString().slice(11, 19) },
  AUDIT_COLUMNS[1],
  AUDIT_COLUMNS[2],
  { ...AUDIT_COLUMNS[3], width: 24 },
  AUDIT_COLUMNS[4],
  { ...AUDIT_COLUMNS[5], width: 24 },
];
