import { Box, Text } from 'ink';
import { safeCell } from '../output/sanitise.js';

/** One column: its header, its width in characters and how to read a cell from a row. */
export interface Column<Row> {
  header: string;
  width: number;
  cell: (row: Row) => string;
  align?: 'left' | 'right';
}

export interface TableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Print the header line. False for the second and later batches of a streamed table. */
  header?: boolean;
  /** Colour and bold; off for pipes and `NO_COLOR`. */
  colour?: boolean;
}

const GAP = 2;

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

/** Characters a table of these columns needs; render at least this wide so no cell is squeezed. */
export function tableWidth(columns: readonly Column<never>[]): number {
  return columns.reduce((width, column) => width + column.width + GAP, 0);
}

/** Widths that fit the content (header included), each capped at `maxWidth`. */
export function fitColumns<Row>(
  columns: readonly Omit<Column<Row>, 'width'>[],
  rows: readonly Row[],
  maxWidth = 48,
): Column<Row>[] {
  return columns.map((column) => {
    const longest = rows.reduce((width, row) => Math.max(width, column.cell(row).length), column.header.length);
    return { ...column, width: Math.min(longest, maxWidth) };
  });
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return align === 'right' ? text.padStart(width) : text;
}
