import { IMPORT_COLUMNS, IMPORT_KINDS } from '@junheng/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';
import { buildTemplate, CSV_CONTENT_TYPE, TEMPLATE_EXAMPLES, templateHeader, XLSX_CONTENT_TYPE } from './templates.ts';
import { validateImport } from './validate-import.ts';

const EXAMPLE_CODES = TEMPLATE_EXAMPLES.schools.map((s) => String(s.school_code));

describe(buildTemplate.name, () => {
  it('should name the files after the kind in Chinese', async () => {
    expect((await buildTemplate('schools', 'csv')).fileName).toBe('学校基本信息模板.csv');
    expect((await buildTemplate('school_stats', 'xlsx')).fileName).toBe('学校年度统计模板.xlsx');
    expect((await buildTemplate('rotations', 'csv')).fileName).toBe('教师交流轮岗模板.csv');
  });

  it('should write a CSV in UTF-8 with BOM and CRLF, Chinese headers with units and two example rows', async () => {
    const template = await buildTemplate('school_stats', 'csv');
    expect(template.contentType).toBe(CSV_CONTENT_TYPE);
    expect([...template.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = template.body.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]?.split(',')).toContain('教学及辅助用房面积(平方米)');
    expect(lines[0]?.split(',')).toContain('教学仪器设备值(元)');
    expect(lines[0]?.split(',')).toContain('大班额班数(56-65人)');
  });

  it('should write an XLSX with a bold frozen header, the examples and an explanation sheet', async () => {
    const template = await buildTemplate('schools', 'xlsx');
    expect(template.contentType).toBe(XLSX_CONTENT_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['数据', '说明']);
    const data = workbook.getWorksheet('数据');
    expect(data?.getCell('A1').value).toBe('学校标识码');
    expect(data?.getCell('A1').font?.bold).toBe(true);
    expect(data?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data?.getCell('A2').value).toBe('3301100001');
    expect(data?.getColumn(2).width).toBeGreaterThan(10);
    expect(data?.getCell('H2').dataValidation).toMatchObject({ type: 'list' });
    const help = workbook.getWorksheet('说明');
    expect(help?.getRow(1).values).toEqual([
      undefined,
      '中文表头',
      '英文键名',
      '类型',
      '是否必填',
      '取值 / 单位',
      '说明',
    ]);
    expect(help?.getRow(9).values).toEqual([
      undefined,
      '办学类型',
      'school_type',
      '选项',
      '必填',
      expect.stringContaining('九年一贯制学校'),
      expect.stringContaining('教育事业统计'),
    ]);
  });

  it('should list every column in the explanation sheet with a description', async () => {
    for (const kind of IMPORT_KINDS) {
      const table = await readTable('t.xlsx', (await buildTemplate(kind, 'xlsx')).body);
      expect(table.rows.length).toBe(2);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await buildTemplate(kind, 'xlsx')).body as unknown as Parameters<typeof workbook.xlsx.load>[0],
      );
      const help = workbook.getWorksheet('说明');
      IMPORT_COLUMNS[kind].forEach((column, i) => {
        const row = help?.getRow(i + 2);
        expect(row?.getCell(1).value).toBe(templateHeader(column));
        expect(row?.getCell(2).value).toBe(column.key);
        expect(String(row?.getCell(6).value ?? '')).not.toBe('');
      });
    }
  });

  it('should re-import every template (both formats) with zero errors and zero warnings', async () => {
    for (const kind of IMPORT_KINDS) {
      for (const format of ['csv', 'xlsx'] as const) {
        const template = await buildTemplate(kind, format);
        const result = await validateImport([{ name: template.fileName, bytes: template.body }], {
          knownSchoolCodes: new Set(EXAMPLE_CODES),
          previousStats: new Map(),
        });
        expect(result.errors, `${kind}.${format}`).toEqual([]);
        expect(result.warnings, `${kind}.${format}`).toEqual([]);
        expect(result.files[0]).toMatchObject({ kind, rows: 2 });
      }
    }
  });

  it('should re-import the three CSV templates together without any known school', async () => {
    const files = await Promise.all(
      IMPORT_KINDS.map(async (kind) => {
        const t = await buildTemplate(kind, 'csv');
        return { name: t.fileName, bytes: t.body };
      }),
    );
    const result = await validateImport(files, { knownSchoolCodes: new Set(), previousStats: new Map() });
    expect(result.errors).toEqual([]);
    expect([result.schools.length, result.stats.length, result.rotations.length]).toEqual([2, 2, 2]);
  });
});
