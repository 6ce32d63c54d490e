/** Cells as Excel names them, for located errors and the provenance of every imported value (issue #13). */

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell from a 0-based column index and a row number as Excel shows it: (3, 7) → D7. */
export function cellAddress(columnIndex: number, rowNumber: number): string {
  return `${columnLetter(columnIndex)}${rowNumber}`;
}
