import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsvField } from './csv.ts';

describe('formatCsvField', () => {
  it('should quote a cell holding the separator of either locale (comma, or semicolon where comma is the decimal mark)', () => {
    expect(formatCsvField("'=1+1;=2+2")).toBe(`"'=1+1;=2+2"`);
    expect(formatCsvField('城东;城西')).toBe('"城东;城西"');
    expect(formatCsvField('城东,城西')).toBe('"城东,城西"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('a\nb')).toBe('"a\nb"');
    expect(formatCsvField('城东街道')).toBe('城东街道');
  });

  it('should defuse a formula start and still quote what the prefix leaves with a separator', () => {
    expect(formatCsvField('=1+1;=2+2')).toBe(`"'=1+1;=2+2"`);
    expect(formatCsvField('+1,2')).toBe(`"'+1,2"`);
    expect(formatCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvField(-3.5)).toBe('-3.5');
  });

  it('should keep every cell one cell, never starting a formula, whether read with comma or semicolon as separator', () => {
    const cells = ["'=1+1;=2+2", '=1+1;=2+2', 'a;b,c', '-2;=3', '"q";=x', 'plain'];
    const line = cells.map(formatCsvField).join(',');
    expect(parse(line, { delimiter: ',' })[0]).toEqual([
      "'=1+1;=2+2",
      "'=1+1;=2+2",
      'a;b,c',
      "'-2;=3",
      '"q";=x',
      'plain',
    ]);
    // A semicolon-locale Excel splits on ';' only: a quoted field is still one piece, so no '=' starts a new cell.
    const semicolonCells: string[] = parse(cells.map(formatCsvField).join(';'), { delimiter: ';' })[0] ?? [];
    expect(semicolonCells).toHaveLength(cells.length);
    expect(semicolonCells.filter((c) => c.startsWith('='))).toEqual([]);
  });
});
