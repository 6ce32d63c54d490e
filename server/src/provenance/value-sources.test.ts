import type { SchoolYearStatRecord } from '@junheng/db';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../imports/excel-address.ts';
import { context, csvOf, rowsToCells, school, stat, xlsxBytes, zhHeaders } from '../imports/test-support.ts';
import { parseImportFiles, validateParsedImport } from '../imports/validate-import.ts';
import { describeStatValues } from './provenance.service.ts';
import { decodeStoredSource, encodeRowSources, indexFiles, statSourceKey } from './value-sources.ts';

describe(columnLetter.name, () => {
  it('should name columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe(encodeRowSources.name, () => {
  const files = [{ file: 'a.csv' }, { file: 'b.xlsx' }, { file: 'a.csv' }];
  it('should store the file as its index in the batch and read it back', () => {
    const index = indexFiles(files);
    const stored = encodeRowSources(
      {
        books: { file: 'b.xlsx', sheet: '教基5176', cell: 'F12', label: '图书 > 册数' },
        computers: { file: 'a.csv', sheet: null, cell: 'C2' },
      },
      index,
    );
    expect(stored).toEqual({ books: [1, '教基5176', 'F12', '图书 > 册数'], computers: [0, null, 'C2', null] });
    expect(decodeStoredSource(stored?.books as never, files)).toEqual({
      file: 'b.xlsx',
      sheet: '教基5176',
      cell: 'F12',
      label: '图书 > 册数',
    });
  });
  it('should drop a source whose file the batch does not list, and give null when none is left', () => {
    expect(encodeRowSources({ books: { file: 'x.csv', sheet: null, cell: 'A1' } }, indexFiles(files))).toBeNull();
    expect(decodeStoredSource([7, null, 'A1', null], files)).toBeNull();
  });
});

describe('template files record where each value was read', () => {
  const s = stat({ schoolCode: '3309990001', year: 2024, books: 4321 });
  const headers = zhHeaders('school_stats');
  const booksColumn = columnLetter(headers.indexOf('图书册数'));

  it('should give file, no sheet, cell and header for a CSV row', async () => {
    const parsed = await parseImportFiles([{ name: 'stats.csv', bytes: csvOf('school_stats', [s]) }]);
    expect(parsed.errors).toEqual([]);
    const row = parsed.stats[0];
    expect(row?.sources?.books).toEqual({ file: 'stats.csv', sheet: null, cell: `${booksColumn}2`, label: '图书册数' });
    // The key columns are not values with a source.
    expect(row?.sources?.schoolCode).toBeUndefined();
    expect(row?.sources?.year).toBeUndefined();
  });

  it('should give the sheet name and the row under a title row for an XLSX', async () => {
    const bytes = await xlsxBytes([['某县统计'], headers, ...rowsToCells('school_stats', [s])], { sheetName: '统计' });
    const parsed = await parseImportFiles([{ name: 'stats.xlsx', bytes }]);
    expect(parsed.stats[0]?.sources?.books).toEqual({
      file: 'stats.xlsx',
      sheet: '统计',
      cell: `${booksColumn}3`,
      label: '图书册数',
    });
  });

  it('should carry the sources of the kept rows through validation, keyed by school-year and school', async () => {
    const sc = school({ schoolCode: '3309990001' });
    const parsed = await parseImportFiles([
      { name: 'schools.csv', bytes: csvOf('schools', [sc]) },
      { name: 'stats.csv', bytes: csvOf('school_stats', [s]) },
    ]);
    const validated = validateParsedImport(parsed, context());
    expect(validated.errorCount).toBe(0);
    expect(validated.sources.stats.get(statSourceKey('3309990001', 2024))?.books?.cell).toBe(`${booksColumn}2`);
    expect(validated.sources.schools.get('3309990001')?.schoolName).toMatchObject({ file: 'schools.csv', cell: 'B2' });
  });
});

describe(describeStatValues.name, () => {
  const record = {
    school_code: '3309990001',
    year: 2024,
    import_batch_id: 3,
    books: 4321,
    computers: 12,
    max_class_size: null,
  } as unknown as SchoolYearStatRecord;
  const batch = {
    id: 3,
    createdAt: new Date('2026-12-07T01:02:00Z'),
    source: 'api' as const,
    files: [{ file: 'a.csv', kind: null, encoding: null, rows: 1, sha256: '' }],
  };

  it('should name the source of a value with one and null for a value without, leaving out unreported optionals', () => {
    const values = describeStatValues(record, { books: [0, null, 'X2', '图书册数'] }, batch);
    expect(values.find((v) => v.field === 'books')).toEqual({
      field: 'books',
      key: 'books',
      zh: '图书册数',
      unit: null,
      value: 4321,
      source: { file: 'a.csv', sheet: null, cell: 'X2', label: '图书册数' },
      batch: { id: 3, importedAt: '2026-12-07T01:02:00.000Z', source: 'api' },
    });
    expect(values.find((v) => v.field === 'computers')?.source).toBeNull();
    expect(values.some((v) => v.field === 'maxClassSize')).toBe(false);
  });
});
