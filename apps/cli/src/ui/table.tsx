import { Box, Text } from 'ink';
import { formatRow, type Column } from './columns.js';

export interface TableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Print the header line. False for the second and later batches of a streamed table. */
  header?: boolean;
  /** Colour and bold; off for pipes and `NO_COLOR`. */
  colour?: boolean;
}

/**
 * A plain text table with fixed column widths, so batches printed one after another line up. Every cell is stripped
 * of control characters and cut to its width. Each row is one pre-formatted `Text` rather than a box per cell:
 * ink's layout then costs little per row, which matters for a streamed list of 100,000 sessions.
 */
export function Table<Row>({ columns, rows, header = true, colour = false }: TableProps<Row>) {
  return (
    <Box flexDirection="column">
      {header && (
        <Text bold={colour} wrap="truncate-end">
          {formatRow(columns, (column) => column.header)}
        </Text>
      )}
      {rows.map((row, index) => (
        <Text key={index} wrap="truncate-end">
          {formatRow(columns, (column) => column.cell(row))}
        </Text>
      ))}
    </Box>
  );
}
