import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error.ts';
import { IssueCollector, MAX_LISTED_ISSUES } from './issues.ts';
import { readTable } from './read-table.ts';
import { context, csvOf, stat, utf8, xlsxBombBytes, xlsxBytes, zhHeaders } from './test-support.ts';
import { validateImport } from './validate-import.ts';
import { checkXlsxLimits, XLSX_LIMITS } from './xlsx-guard.ts';

const A = '3301100001';

async function fileError(bytes: Uint8Array, name = 'f.xlsx'): Promise<ImportFileError> {
  const error = await readTable(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('import report limits (issue #10)', () => {
  it('should list 200 of 25 000 duplicate rows, count all of them per kind, and name one other row in each message', async () => {
    const rows = Array.from({ length: 25_000 }, () => stat({ schoolCode: A, year: 2024 }));
    const result = await validateImport([{ name: 'dup.csv', bytes: csvOf('school_stats', rows) }], context([A]));
    expect(result.errors).toHaveLength(200);
    expect(result.errorCount).toBe(25_000);
    expect(result.truncated).toBe(true);
    expect(result.issueCounts).toEqual([{ severity: 'error', column: '学校标识码', count: 25_000 }]);
    // Row 2 is the first of the group: it names row 3; every other row names row 2 (header is row 1).
    expect(result.errors[0]).toMatchObject({ row: 2, column: '学校标识码', value: A });
    expect(result.errors[0]?.message).toBe(
      `学校 '${A}' 的 2024 年统计重复：与「dup.csv」第 3 行等共 25000 行重复，每个只能出现一次`,
    );
    expect(result.errors[1]?.message).toBe(
      `学校 '${A}' 的 2024 年统计重复：与「dup.csv」第 2 行等共 25000 行重复，每个只能出现一次`,
    );
    expect(Math.max(...result.errors.map((e) => e.message.length))).toBeLessThan(100);
  });

  it('should shorten a huge header in the column and message of its warning', async () => {
    const huge = '列'.repeat(1_000_000);
    const header = [...zhHeaders('school_stats'), huge];
    const line = zhHeaders('school_stats').map(() => '1');
    const text = `${header.join(',')}\n${[...line.map((_, i) => (i === 1 ? A : i === 0 ? '2024' : '0')), 'x'].join(',')}\n`;
    const result = await validateImport([{ name: 'wide.csv', bytes: utf8(text) }], context([A]));
    const warning = result.warnings.find((w) => w.message.includes('未识别的列'));
    expect(warning?.column).toHaveLength(100);
    expect(warning?.column?.endsWith('…')).toBe(true);
    expect(warning?.message.length).toBeLessThanOrEqual(600);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it('should refuse a file with only its header row with an error at that row (nothing to apply)', async () => {
    const result = await validateImport(
      [{ name: 'empty.csv', bytes: utf8(`${zhHeaders('school_stats').join(',')}\n`) }],
      context(),
    );
    expect(result.errorCount).toBe(1);
    expect(result.errors[0]).toMatchObject({ file: 'empty.csv', row: 1, column: null });
    expect(result.errors[0]?.message).toContain('文件只有表头，没有数据行');
  });

  it('should refuse a CSV over 50 000 rows with an error at the first row past the limit', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => stat({ schoolCode: String(3301100000 + i) }));
    const error = await fileError(csvOf('school_stats', rows), 'big.csv');
    expect(error.code).toBe('too_large');
    expect(error.row).toBe(50_001);
  });
});

describe(IssueCollector.name, () => {
  it('should keep listing nothing past the limit while counting per severity and column', () => {
    const sut = new IssueCollector(2);
    for (let i = 0; i < 5; i++) sut.error({ file: 'f', row: i, column: 'A', value: null, message: 'm' });
    sut.warning({ file: 'f', row: 1, column: null, value: 'v'.repeat(1000), message: 'w' });
    expect(sut.errors.map((e) => e.row)).toEqual([0, 1]);
    expect(sut.errorCount).toBe(5);
    expect(sut.warnings[0]?.value).toHaveLength(200);
    expect(sut.counts).toEqual([
      { severity: 'error', column: 'A', count: 5 },
      { severity: 'warning', column: null, count: 1 },
    ]);
    expect(MAX_LISTED_ISSUES).toBe(200);
  });
});

describe(checkXlsxLimits.name, () => {
  it('should refuse a zip bomb by the uncompressed size its central directory declares', async () => {
    const bomb = xlsxBombBytes({ megabytes: 200 });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const error = await fileError(bomb);
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/解压后约 20\d MB，超过 48 MB 上限/);
  });

  it('should refuse a zip bomb that lies about its size, inflating no more than the limit', async () => {
    const bomb = xlsxBombBytes({ megabytes: 100, declaredSize: 1000 });
    const error = await fileError(bomb);
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('解压后超过 48 MB 上限');
  });

  it('should refuse a sheet whose dimension declares too many rows or columns', async () => {
    const rows = await fileError(xlsxBombBytes({ megabytes: 0.01, dimension: 'A1:B60000' }));
    expect(rows.message).toContain('工作表 sheet1 有 60000 行，超过 50000 行上限');
    // JZ is column 26 × 10 + 26 = 286.
    const columns = await fileError(xlsxBombBytes({ megabytes: 0.01, dimension: 'A1:JZ10' }));
    expect(columns.message).toContain('工作表 sheet1 有 286 列，超过 256 列上限');
  });

  it('should let an ordinary workbook through', async () => {
    const bytes = await xlsxBytes([zhHeaders('school_stats'), ['2024', A]]);
    expect(() => checkXlsxLimits(bytes)).not.toThrow();
    expect(XLSX_LIMITS.rows).toBe(50_000);
  });
});
