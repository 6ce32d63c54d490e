import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import type { SchoolRow, SchoolStatRow, SchoolType } from '@junheng/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS } from '../../server/src/imports/archive.ts';
import { parseImportFiles } from '../../server/src/imports/validate-import.ts';
import { type FormSpec, schoolWorkbook, type WorkbookLayout } from '../fixtures/statistics-workbooks.ts';
import { makeZip } from '../fixtures/zip.ts';

const demo = generateDemoCounty();
const YEAR = 2022;

function schoolOf(type: SchoolType, nth = 0): { school: SchoolRow; stat: SchoolStatRow } {
  const school = demo.schools.filter((s) => s.schoolType === type)[nth] as SchoolRow;
  const stat = demo.stats.find((s) => s.schoolCode === school.schoolCode && s.year === YEAR) as SchoolStatRow;
  return { school, stat };
}

async function parseOne(
  type: SchoolType,
  layout: WorkbookLayout,
  options: Parameters<typeof schoolWorkbook>[3] = {},
  name = `${YEAR}/学校.xlsx`,
) {
  const { school, stat } = schoolOf(type);
  const bytes = await schoolWorkbook(school, stat, layout, options);
  return { school, stat, bytes, parsed: await parseImportFiles([{ name, bytes }]) };
}

function form(forms: FormSpec[], code: string): FormSpec {
  return forms.find((f) => f.code === code) as FormSpec;
}

describe('教育事业统计 school workbooks', () => {
  for (const layout of [2021, 2022] as const) {
    it(`should read every field of the ${layout} layout exactly, for each school type`, async () => {
      for (const type of [
        'primary',
        'teaching_point',
        'junior',
        'nine_year',
        'complete_middle',
        'twelve_year',
        'special',
      ] as const) {
        const { school, stat, parsed } = await parseOne(type, layout);
        expect(parsed.errors, `${type} ${layout}`).toEqual([]);
        expect(parsed.files[0]?.format).toBe('school_workbook');
        expect(parsed.schools.map((r) => r.row)).toEqual([school]);
        expect(parsed.stats.map((r) => r.row)).toEqual([stat]);
        expect(parsed.stats[0]?.blanks ?? []).toEqual([]);
      }
    });
  }

  it('should name for every value the cell it was read from, and that cell should hold it (both layouts)', async () => {
    const cellsByLayout: Record<number, string> = {};
    for (const layout of [2021, 2022] as const) {
      const { stat, bytes, parsed } = await parseOne('nine_year', layout);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const row = parsed.stats[0];
      expect(row).toBeDefined();
      const sources = row?.sources ?? {};
      for (const [field, source] of Object.entries(sources)) {
        expect(source.file).toBe(`${YEAR}/学校.xlsx`);
        if (!/^[A-Z]+\d+$/.test(source.cell)) continue; // sums name several cells
        const value = book.getWorksheet(source.sheet ?? '')?.getCell(source.cell).value;
        if (field === 'equipmentValue') expect(Number(value) * 10_000).toBeCloseTo(stat.equipmentValue, 2);
        else if (field === 'schoolCode' || field === 'year') expect(String(value)).toContain(String(stat[field]));
        else if (field !== 'sportsArea') expect(Number(value), field).toBe(stat[field as keyof SchoolStatRow]);
      }
      expect(sources.studentsPrimary?.label).toMatch(/^教基3112 行\d\d 列\d+$/);
      expect(sources.higherDegreeTeachersPrimary?.cell).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      expect(sources.equipmentValue?.label).toContain('万元');
      cellsByLayout[layout] = `${sources.studentsPrimary?.sheet}!${sources.studentsPrimary?.cell}`;
    }
    // Addresses move between the template years; the reader follows the labels.
    expect(cellsByLayout[2021]).not.toBe(cellsByLayout[2022]);
  });

  it('should count 体艺 teachers as 体育与健康 + the 艺术 subtotal, never adding 音乐 and 美术 on top', async () => {
    const edit = (forms: FormSpec[]) => {
      const f = form(forms, '教基4156');
      const at = (path: string) => f.columns.findIndex((c) => c.join('>').endsWith(path));
      const row = f.rows[0] as FormSpec['rows'][number];
      row.values[at('体育与健康')] = 4;
      row.values[at('艺术>计')] = 5;
      row.values[at('艺术>音乐')] = 3;
      row.values[at('艺术>美术')] = 2;
    };
    const { parsed } = await parseOne('primary', 2021, { edit });
    expect(parsed.errors).toEqual([]);
    expect(parsed.stats[0]?.row.peArtTeachersPrimary).toBe(9);
    expect(parsed.stats[0]?.sources?.peArtTeachersPrimary?.label).toMatch(/^教基4156 行01 列\d+\+\d+$/);

    // Without the subtotal column, its parts are added, with a warning that says so.
    const noSubtotal = (forms: FormSpec[]) => {
      edit(forms);
      const f = form(forms, '教基4156');
      const at = f.columns.findIndex((c) => c.join('>') === '艺术>计');
      f.columns.splice(at, 1);
      for (const r of f.rows) r.values.splice(at, 1);
    };
    const split = await parseOne('primary', 2021, { edit: noSubtotal });
    expect(split.parsed.errors).toEqual([]);
    expect(split.parsed.stats[0]?.row.peArtTeachersPrimary).toBe(9);
    expect(split.parsed.warnings.map((w) => w.message).join()).toContain('没有小计');
  });

  it('should convert 万元 to 元, keep 元, and refuse an equipment value whose unit is not stated', async () => {
    const { stat, parsed } = await parseOne('junior', 2022);
    expect(parsed.stats[0]?.row.equipmentValue).toBe(stat.equipmentValue);
    const inYuan = (forms: FormSpec[]) => {
      const row = form(forms, '教基5176').rows.find((r) => r.label.includes('仪器设备')) as FormSpec['rows'][number];
      row.values = row.values.map((v) => (v === '万元' ? '元' : v));
      row.values[1] = 123_456.5;
    };
    const yuan = await parseOne('junior', 2021, { edit: inYuan });
    expect(yuan.parsed.errors).toEqual([]);
    expect(yuan.parsed.stats[0]?.row.equipmentValue).toBe(123_456.5);
    const noUnit = (forms: FormSpec[]) => {
      const row = form(forms, '教基5176').rows.find((r) => r.label.includes('仪器设备')) as FormSpec['rows'][number];
      row.values[0] = null;
    };
    const unknown = await parseOne('junior', 2021, { edit: noUnit });
    expect(unknown.parsed.stats).toEqual([]);
    expect(unknown.parsed.errors[0]).toMatchObject({
      sheet: '教基5176_初级中学',
      cell: expect.stringMatching(/^D\d+$/),
    });
    expect(unknown.parsed.errors[0]?.message).toContain('未注明单位');
  });

  it('should report a missing form, naming it, and store nothing of that school', async () => {
    const { parsed } = await parseOne('nine_year', 2021, { omit: ['教基4156'] });
    expect(parsed.schools).toEqual([]);
    expect(parsed.stats).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.message).toContain('缺少报表 教基4156');
    expect(parsed.errors[0]?.file).toBe(`${YEAR}/学校.xlsx`);
  });

  it('should locate a bad value by file, sheet, cell and value', async () => {
    const edit = (forms: FormSpec[]) => {
      const row = form(forms, '教基3112').rows[0] as FormSpec['rows'][number];
      row.values[1] = '三百';
    };
    const { parsed } = await parseOne('primary', 2021, { edit });
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        file: `${YEAR}/学校.xlsx`,
        sheet: '教基3112_小学',
        cell: 'D5',
        value: '三百',
        column: '教基3112 行01 列2',
      }),
    ]);
  });

  it('should take the year from the form titles, else from the file name with a warning, else refuse', async () => {
    const noYear = (forms: FormSpec[]) => {
      for (const f of forms) f.title = f.title.replace(/\d{4}年/, '');
    };
    // The 2021 layout has the year only in its titles.
    const named = await parseOne('primary', 2021, { edit: noYear }, '澄川县2023年报表/学校.xlsx');
    expect(named.parsed.stats[0]?.row.year).toBe(2023);
    expect(named.parsed.warnings.map((w) => w.message).join()).toContain('按文件名中的 2023 年导入');
    const none = await parseOne('primary', 2021, { edit: noYear }, '学校.xlsx');
    expect(none.parsed.stats).toEqual([]);
    expect(none.parsed.errors[0]?.message).toContain('找不到统计年份');
  });

  it('should leave out a 高级中学 with a warning, not an error', async () => {
    const edit = (forms: FormSpec[]) => {
      const row = form(forms, '教基1001').rows.find((r) => r.label === '办学类型') as FormSpec['rows'][number];
      row.values[0] = '342';
    };
    const { parsed } = await parseOne('complete_middle', 2021, { edit });
    expect(parsed.errors).toEqual([]);
    expect(parsed.stats).toEqual([]);
    expect(parsed.warnings[0]?.message).toContain('高级中学');
  });

  it('should leave template files to the template reader', async () => {
    const csv = datasetToCsvFiles({ ...demo, stats: demo.stats.filter((s) => s.year === YEAR) });
    const parsed = await parseImportFiles([{ name: 'schools.csv', bytes: Buffer.from(csv['schools.csv']) }]);
    expect(parsed.files[0]?.format ?? 'template').toBe('template');
    expect(parsed.schools).toHaveLength(demo.schools.length);
  });
});

describe('a zip of files', () => {
  it('should read the workbooks and template files inside, named archive/entry, GBK names decoded', async () => {
    const a = schoolOf('primary');
    const b = schoolOf('nine_year');
    const csv = datasetToCsvFiles({ schools: [], stats: [], rotations: demo.rotations.filter((r) => r.year === YEAR) });
    const zip = makeZip(
      [
        { name: iconv.encode('2022/学校甲.xlsx', 'gbk'), bytes: await schoolWorkbook(a.school, a.stat, 2022) },
        { name: iconv.encode('2022/学校乙.xlsx', 'gbk'), bytes: await schoolWorkbook(b.school, b.stat, 2021) },
        { name: iconv.encode('轮岗.csv', 'gbk'), bytes: Buffer.from(csv['rotations.csv']) },
        { name: '__MACOSX/._x.xlsx', bytes: Buffer.from('junk') },
      ],
      { utf8Flag: false },
    );
    const parsed = await parseImportFiles([{ name: '澄川县.zip', bytes: zip }]);
    expect(parsed.files.map((f) => f.file)).toEqual([
      '澄川县.zip/2022/学校甲.xlsx',
      '澄川县.zip/2022/学校乙.xlsx',
      '澄川县.zip/轮岗.csv',
    ]);
    expect(parsed.stats.map((r) => r.row)).toEqual([a.stat, b.stat]);
    expect(parsed.rotations.length).toBeGreaterThan(0);
    expect(parsed.errors.filter((e) => !e.message.includes('学校标识码'))).toEqual([]);
  });

  it('should refuse a nested archive, ignore paths leaving the archive and cap the number of entries', async () => {
    const a = schoolOf('primary');
    const inner = makeZip([{ name: 'x.csv', bytes: Buffer.from('a,b\n1,2\n') }]);
    const zip = makeZip([
      { name: '../../etc/学校.xlsx', bytes: await schoolWorkbook(a.school, a.stat, 2021) },
      { name: 'inner.zip', bytes: inner },
      { name: 'disguised.csv', bytes: inner },
      { name: 'ok.xlsx', bytes: await schoolWorkbook(a.school, a.stat, 2021) },
    ]);
    const parsed = await parseImportFiles([{ name: 'in.zip', bytes: zip }]);
    expect(parsed.warnings.map((w) => w.message).join()).toContain('路径指向压缩包之外');
    expect(parsed.errors.map((e) => e.file).sort()).toEqual(['in.zip/disguised.csv', 'in.zip/inner.zip']);
    expect(parsed.stats).toHaveLength(1);

    const many = makeZip(
      Array.from({ length: ARCHIVE_LIMITS.entries + 1 }, (_, i) => ({ name: `${i}.csv`, bytes: Buffer.from('a\n') })),
    );
    // Declared sizes over the cap are refused before anything is inflated.
    const big = makeZip([{ name: 'a.csv', bytes: Buffer.from('a\n') }]);
    big.writeUInt32LE(ARCHIVE_LIMITS.uncompressedBytes + 1, big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const tooBig = await parseImportFiles([{ name: 'big.zip', bytes: big }]);
    expect(tooBig.errors[0]?.message).toContain('超过 256 MB 上限');

    const refused = await parseImportFiles([{ name: 'many.zip', bytes: many }]);
    expect(refused.errors[0]?.message).toContain('超过 2000 个上限');
    expect(refused.files).toEqual([]);
  });
});
