import type { AuditEntry } from '@sessionops/audit';
import { COMPACT_AUDIT_COLUMNS } from './audit-columns.js';
import { Table } from './table.js';

export interface AuditTableProps {
  entries: readonly AuditEntry[];
  header?: boolean;
  colour?: boolean;
}

/** Audit events in the compact columns of the `top` screen, in the order given. */
export function AuditTable({ entries, header = true, colour = false }: AuditTableProps) {
  return <Table columns={COMPACT_AUDIT_COLUMNS} rows={entries} header={header} colour={colour} />;
}
