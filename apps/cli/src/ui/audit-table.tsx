import type { AuditEntry } from '@sessionops/audit';
import { AUDIT_COLUMNS } from './audit-columns.js';
import { Table } from './table.js';

export interface AuditTableProps {
  entries: readonly AuditEntry[];
  header?: boolean;
  colour?: boolean;
}

/** Audit events, oldest first. */
export function AuditTable({ entries, header = true, colour = false }: AuditTableProps) {
  return <Table columns={AUDIT_COLUMNS} rows={entries} header={header} colour={colour} />;
}
