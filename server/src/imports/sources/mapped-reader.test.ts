import { ImportMappingInputSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../excel-address.ts';
import { inspectImportFiles } from '../inspect-import.ts';
import { readTable } from '../read-table.ts';
import { csvOf, csvText, rotation, stat, utf8 } from '../test-support.ts';
import { parseImportFiles } from '../validate-import.ts';
import { analyseHeader } from './header-layout.ts';
import { officeLabel, officePreset, officeSignature, officeStatsWorkbook } from './mapped-fixture.ts';
import { matchPreset, signatureSimilarity } from './mapped-reader.ts';
import type { ColumnMappingPreset } from './source-reader.ts';

const A = '3301100001';
const B = '3301100002';
const ROWS = [
  stat({ schoolCode: A, equipmentValue: 1_234_500 }),
  stat({ schoolCode: B, studentsPrimary: 321, books: 9_999 }),
];

function preset(id = 7, overrides: Partial<ColumnMappingPreset> = {}): ColumnMappingPreset {
  const input = ImportMappingInputSchema.parse(officePreset('县统计表'));
  return { id, ...input, ...overrides };
}

describe('header layout of merged multi-row headers', () => {
  it('should pass the title over and give one path per column from merged XLSX cells', async () => {
    const bytes = await officeStatsWorkbook(ROWS, { title: '某县2024年学校基本情况统计表' });
    const layout = analyseHeader(await readTable('office.xlsx', bytes));
    expect(layout.headerRows).toEqual([2, 3]);
    expect(layout.sheet).toBe('学校统计');
    expect(layout.columns.map((c) => c.label)).toEqual(officeSignature());
    expect(layout.columns[3]).toMatchObject({ letter: 'D', path: ['在校学生', '小学'], label: '在校学生 > 小学' });
    expect(layout.dataRows.map((r) => r.rowNumber)).toEqual([4, 5]);
  });

  it('should fill a CSV group header over the columns below it and skip a code row', async () => {
    const text = csvText([
      ['学校', '学生数', '', '教师', ''],
      ['', '小学', '初中', '合计', '其中女'],
      ['甲', '1', '2', '3', '4'],
      ['3301', '10', '20', '5', '3'],
    ]);
    const layout = analyseHeader(await readTable('x.csv', utf8(text)));
    expect(layout.columns.map((c) => c.label)).toEqual([
      '学校',
      '学生数 > 小学',
      '学生数 > 初中',
      '教师 > 合计',
      '教师 > 其中女',
    ]);
    expect(layout.headerRows).toEqual([1, 2, 3]);
    expect(layout.dataRows.map((r) => r.rowNumber)).toEqual([4]);
  });

  it('should name columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('matching a table to a saved preset', () => {
  it('should match the same headers written differently (spaces, full-width brackets), and a table with one column more', async () => {
    const layout = analyseHeader(await readTable('o.xlsx', await officeStatsWorkbook(ROWS)));
    expect(matchPreset(preset(), layout)?.get('students_primary')?.letter).toBe('D');
    const loose = preset(7, {
      signature: officeSignature().map((s) => s.replace('(万元)', '（万元）').replace('在校学生', '在校 学生')),
      columns: { ...preset().columns, equipment_value: '仪器设备（万元）', students_primary: '在校 学生 > 小学' },
    });
    expect(matchPreset(loose, layout)).not.toBeNull();
    const fewer = preset(7, { signature: officeSignature().filter((s) => s !== '学校名称') });
    expect(signatureSimilarity(fewer.signature, officeSignature())).toBeGreaterThan(0.9);
    expect(matchPreset(fewer, layout)).not.toBeNull();
  });

  it('should not apply a saved preset to a different table, nor when a mapped header is missing', async () => {
    const layout = analyseHeader(await readTable('o.xlsx', await officeStatsWorkbook(ROWS)));
    const other = preset(7, {
      signature: [...officeSignature().slice(0, 6), ...Array.from({ length: 20 }, (_, i) => `其他列${i}`)],
    });
    expect(matchPreset(other, layout)).toBeNull();
    // …unless it is given explicitly for this import (only the mapped headers must be there).
    expect(matchPreset({ ...other, explicit: true }, layout)).not.toBeNull();
    const missing = preset(7, { columns: { ...preset().columns, books: '图书 > 册数' } });
    expect(matchPreset({ ...missing, explicit: true }, layout)).toBeNull();
  });
});

describe('the mapped reader', () => {
  it('should read a matching table with the template cell rules, 万元 scaled, every value located', async () => {
    const bytes = await officeStatsWorkbook(ROWS);
    const parsed = await parseImportFiles([{ name: '统计.xlsx', bytes }], { mappings: [preset()] });
    expect(parsed.errors).toEqual([]);
    expect(parsed.files[0]).toMatchObject({ kind: 'school_stats', format: 'mapped', rows: 2 });
    // Blank class-size cells are unknown (null), not 0: exactly the rows written.
    expect(parsed.stats.map((s) => s.row)).toEqual(ROWS);
    const second = parsed.stats[1];
    expect(second?.rowNumber).toBe(5);
    expect(second?.sheet).toBe('学校统计');
    expect(second?.sources?.studentsPrimary).toEqual({
      file: '统计.xlsx',
      sheet: '学校统计',
      cell: 'D5',
      label: '在校学生 > 小学',
    });
    expect(second?.headers.studentsPrimary).toBe('在校学生 > 小学');
    expect(parsed.warnings.some((w) => w.message.includes('县统计表'))).toBe(true);
  });

  it('should report a bad cell with the file, row and header path', async () => {
    const bytes = await officeStatsWorkbook([stat({ schoolCode: A, computers: -3 })]);
    const parsed = await parseImportFiles([{ name: 'bad.xlsx', bytes }], { mappings: [preset()] });
    expect(parsed.errors).toEqual([
      expect.objectContaining({ file: 'bad.xlsx', row: 4, column: '电脑台数', value: '-3' }),
    ]);
  });

  it('should refuse a unit that cannot be right for the field, located at the header cell', async () => {
    const wrong = preset(7, {
      columns: { ...preset().columns, equipment_value: officeLabel('books'), books: officeLabel('equipment_value') },
    });
    const parsed = await parseImportFiles([{ name: 'u.xlsx', bytes: await officeStatsWorkbook(ROWS) }], {
      mappings: [{ ...wrong, explicit: true }],
    });
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: '藏书(册)',
        cell: 'Z3',
        message: expect.stringContaining('单位「册」'),
      }),
      expect.objectContaining({ row: 3, column: '仪器设备(万元)', cell: 'W3', sheet: '学校统计' }),
    ]);
    expect(parsed.stats).toEqual([]);
  });

  it('should leave a file without a matching preset to the template reader', async () => {
    const parsed = await parseImportFiles([{ name: 'o.xlsx', bytes: await officeStatsWorkbook(ROWS) }]);
    expect(parsed.files[0]?.kind).toBeNull();
    expect(parsed.errors[0]?.message).toMatch(/缺少必需列|无法识别/);
  });
});

describe('inspecting files for the mapping step', () => {
  it('should give an unrecognised table its header tree, samples and a suggestion, and name a matching preset', async () => {
    const bytes = await officeStatsWorkbook(ROWS);
    const [file] = (await inspectImportFiles([{ name: 'o.xlsx', bytes }])).files;
    expect(file).toMatchObject({ recognised: false, format: null, headerRows: [2, 3], firstDataRow: 4, dataRows: 2 });
    expect(file?.columns[3]?.path).toEqual(['在校学生', '小学']);
    expect(file?.sampleRows[1]?.cells[3]).toBe('321');
    expect(file?.suggestion?.kind).toBe('school_stats');
    expect(file?.suggestion?.columns).toMatchObject({ school_code: '学校代码', year: '统计年度' });
    const [known] = (await inspectImportFiles([{ name: 'o.xlsx', bytes }], { mappings: [preset(42)] })).files;
    expect(known).toMatchObject({ recognised: true, format: 'mapped', preset: { id: 42, name: '县统计表' } });
  });

  it('should recognise a template file and explain an unreadable one', async () => {
    const template = csvOf('rotations', [rotation()]);
    const [t, pdf] = (
      await inspectImportFiles([
        { name: 't.csv', bytes: template },
        { name: 'x.pdf', bytes: utf8('%PDF-1.4') },
      ])
    ).files;
    expect(t).toMatchObject({ recognised: true, format: 'template', kind: 'rotations' });
    expect(pdf).toMatchObject({ recognised: false, columns: [], message: expect.stringContaining('不是 CSV 或 XLSX') });
  });
});
