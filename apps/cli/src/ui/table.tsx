import { Box, Text } from 'ink';
import { safeCell } from '../output/sanitise.js';
import { COLUMN_GAP as GAP, type Column } from './columns.js';

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
 * of control characters and cut to its width.
 */
export function Table<Row>({ columns, rows, header = true, colour = false }: TableProps<Row>) {
  return (
    <Box flexDirection="column">
      {header && (
        <Box>
          {columns.map((column) => (
            <Box key={column.header} width={column.width + GAP} flexShrink={0}>
              <Text bold={colour}>{pad(column.header, column.width, column.align)}</Text>
            </Box>
          ))}
        </Box>
      )}
      {rows.map((row, index) => (
        <Box key={index}>
          {columns.map((column) => (
            <Box key={column.header} width={column.width + GAP} flexShrink={0}>
              <Text wrap="truncate-end">
                {pad(safeCell(column.cell(row), column.width), column.width, column.align)}
              </Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return align === 'right' ? text.padStart(width) : text;
}
