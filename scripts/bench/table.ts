/** One line of the benchmark's table: part, what was measured, the value, its goal or detail. */
export type Row = readonly [part: string, measure: string, value: string, goal: string];

/** Prints the rows as one aligned table on stdout, a rule between parts. */
export function printTable(rows: readonly Row[], footer: string): void {
  const header: Row = ['part', 'measure', 'value', 'goal / detail'];
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...[header, ...rows].map((row) => [...row[column]!].length)),
  );
  const line = (row: Row) =>
    row
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  console.log(line(header));
  let part = '';
  for (const row of rows) {
    if (row[0] !== part) {
      console.log(rule);
      part = row[0];
    }
    console.log(line(row));
  }
  console.log(rule);
  console.log(footer);
}
