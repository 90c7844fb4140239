/** One column: its header, its width in characters and how to read a cell from a row. */
export interface Column<Row> {
  header: string;
  width: number;
  cell: (row: Row) => string;
  align?: 'left' | 'right';
}

/** Spaces between two columns. */
export const COLUMN_GAP = 2;

/** Characters a table of these columns needs; render at least this wide so no cell is squeezed. */
export function tableWidth(columns: readonly Column<never>[]): number {
  return columns.reduce((width, column) => width + column.width + COLUMN_GAP, 0);
}
