import type { CliIo } from './io';

/** `--json` on every command that prints data: scripts read one JSON document from stdout. */
export interface JsonOption {
  json?: boolean;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * A header and rows as aligned columns. `style` colours a cell after padding, so colour codes
 * do not upset the alignment.
 */
export function printTable(
  io: CliIo,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: (cell: string, column: number) => string = (cell) => cell,
): void {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: readonly string[], paint: (cell: string, column: number) => string) =>
    row
      .map((cell, column) =>
        paint(column === row.length - 1 ? cell : cell.padEnd(widths[column]), column),
      )
      .join('  ')
      .trimEnd();
  io.out(line(header, (cell) => io.colors.bold(cell)));
  for (const row of rows) io.out(line(row, style));
}
