import { emptySchoolStat, type SchoolRow, type SchoolStatRow } from '@junheng/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../issues.ts';
import type { LocatedRow } from '../parse-rows.ts';
import { csvText } from '../test-support.ts';
import { DEFAULT_COUNTY_IMPORT_SETTINGS, parseImportFiles } from '../validate-import.ts';
import { countyExtractReader, stageOfFileName } from './county-extract.ts';
import { headerColumns } from './header-tree.ts';
import { mergePartialStats } from './merge-partial-stats.ts';
import type { TeachingPointFact } from './source-reader.ts';
import { applyTeachingPoints } from './teaching-points.ts';

/** A 3-row header as a statistics system exports it to CSV: merged cells written once, the rest blank. */
const HEADER = [
  [
    '学校标识码',
    '学校名称',
    '统计三级',
    '办学类型',
    '城乡分类',
    '是否计校数',
    '所属学校标识码',
    '班数',
    '在校生数',
    '',
    '专任教师',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '教学仪器设备值(万元)',
    '图书(册)',
  ],
  [
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '合计',
    '#女',
    '计',
    '#按学历分',
    '',
    '',
    '',
    '#按专业技术职务分',
    '',
    '',
    '#按授课课程分',
    '',
    '',
    '',
    '',
    '#县级以上骨干教师',
    '',
    '',
  ],
  [
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '研究生',
    '本科',
    '专科',
    '高中阶段及以下',
    '正高级',
    '副高级',
    '中级',
    '体育与健康',
    '艺术',
    '音乐',
    '美术',
    '语文',
    '',
    '',
    '',
  ],
];
// 艺术 here is the subtotal column; 音乐 and 美术 are its parts and must not be added on top of it.
const ROW_A = [
  '2133990001',
  '城关小学',
  '330999 澄川县',
  '小学',
  '111',
  '1',
  '',
  12,
  500,
  240,
  30,
  2,
  20,
  6,
  2,
  0,
  3,
  10,
  3,
  2,
  1,
  1,
  9,
  4,
  123.45,
  20000,
];
const ROW_TP = [
  '2133990002',
  '东坡村教学点',
  '330999 澄川县',
  '218',
  '3',
  '0',
  '2133990001',
  2,
  30,
  14,
  3,
  0,
  1,
  2,
  0,
  0,
  0,
  1,
  1,
  0,
  0,
  0,
  1,
  0,
  1.5,
  900,
];

function gb(text: string): Uint8Array {
  return iconv.encode(text, 'gb18030');
}

describe('header paths', () => {
  it('should build the paths of a CSV header whose merges are blank cells', () => {
    const rows = HEADER.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((text) => ({ text })) }));
    const labels = headerColumns(rows, 'csv').map((c) => c.label);
    expect(labels).toContain('学校标识码');
    expect(labels).toContain('班数');
    expect(labels).toContain('在校生数 > 合计');
    expect(labels).toContain('在校生数 > #女');
    expect(labels).toContain('专任教师 > 计');
    expect(labels).toContain('专任教师 > #按学历分 > 高中阶段及以下');
    expect(labels).toContain('专任教师 > #按专业技术职务分 > 中级');
    expect(labels).toContain('专任教师 > #按授课课程分 > 体育与健康');
    expect(labels).toContain('专任教师 > #县级以上骨干教师');
    expect(labels).toContain('图书(册)');
  });

  it('should build the paths of an XLSX header from its merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = '学校标识码';
    ws.mergeCells('A1:A3');
    ws.getCell('B1').value = '专任教师';
    ws.mergeCells('B1:E1');
    ws.getCell('B2').value = '计';
    ws.mergeCells('B2:B3');
    ws.getCell('C2').value = '艺术';
    ws.mergeCells('C2:E2');
    ws.getCell('C3').value = '计';
    ws.getCell('D3').value = '音乐';
    ws.getCell('E3').value = '美术';
    const buffer = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const { readGrids } = await import('./header-tree.ts');
    const grid = (await readGrids(buffer))?.[0];
    expect(grid).toBeDefined();
    const labels = headerColumns(grid?.rows.slice(0, 3) ?? [], 'xlsx').map((c) => c.label);
    expect(labels).toEqual([
      '学校标识码',
      '专任教师 > 计',
      '专任教师 > 艺术 > 计',
      '专任教师 > 艺术 > 音乐',
      '专任教师 > 艺术 > 美术',
    ]);
  });
});

describe(stageOfFileName.name, () => {
  it('should tell the stage from the file name, or say why not', () => {
    expect(stageOfFileName('2024年澄川县小学基层报表.xlsx')).toBe('primary');
    expect(stageOfFileName('dir/2024 初中.csv')).toBe('junior');
    expect(stageOfFileName('2024.csv')).toMatchObject({ error: expect.stringContaining('学段') });
    expect(stageOfFileName('小学初中.csv')).toMatchObject({ error: expect.stringContaining('多个学段') });
  });
});

describe('county extract reader', () => {
  const read = async (name: string, rows: (string | number)[][]) => {
    const issues = new IssueCollector();
    const out = await countyExtractReader.read(
      { name, bytes: gb(csvText([...HEADER, ...rows])) },
      { issues, mappings: [] },
    );
    return { out, issues };
  };

  it('should read a GB18030 CSV extract by header path, with each value located', async () => {
    const { out, issues } = await read('2024年小学基层表.csv', [ROW_A, ROW_TP]);
    expect(out?.encoding).toBe('gb18030');
    expect(out?.format).toBe('county_extract');
    const a = out?.stats[0] as LocatedRow<SchoolStatRow>;
    expect(a.row).toMatchObject({
      year: 2024,
      schoolCode: '2133990001',
      studentsPrimary: 500,
      classesPrimary: 12,
      teachersPrimary: 30,
      higherDegreeTeachersPrimary: 28, // 研究生 + 本科 + 专科
      seniorTitleTeachersPrimary: 13, // 正高级 + 副高级 + 中级
      peArtTeachersPrimary: 5, // 体育与健康 + 艺术 (not + 音乐 + 美术)
      backboneTeachersPrimary: 4,
      equipmentValue: 1_234_500, // 万元 → 元
      books: 20_000,
    });
    expect(a.given).toContain('studentsPrimary');
    expect(a.given).not.toContain('studentsJunior');
    expect(a.blanks).toContain('certifiedTeachers');
    expect(a.sources?.studentsPrimary).toEqual({
      file: '2024年小学基层表.csv',
      sheet: null,
      cell: 'I4',
      label: '在校生数 > 合计',
    });
    expect(a.sources?.peArtTeachersPrimary?.cell).toBe('S4+T4');
    // The 不计校数 教学点 with its parent; the legacy 城乡 code 3 is read with a warning.
    expect(out?.teachingPoints?.map((t) => t.row)).toEqual([
      expect.objectContaining({
        schoolCode: '2133990002',
        parentSchoolCode: '2133990001',
        districtCode: '330999',
        year: 2024,
      }),
    ]);
    expect(issues.errors).toEqual([]);
    expect(issues.warnings).toEqual([
      expect.objectContaining({ cell: 'E5', value: '3', message: expect.stringContaining('旧城乡分类') }),
    ]);
  });

  it('should locate a bad cell by file, cell and value, and leave out a 高级中学 with a reason', async () => {
    const bad = [...ROW_A];
    bad[8] = '五百';
    const senior = [...ROW_A];
    senior[0] = '3133990009';
    senior[3] = '342';
    const { out, issues } = await read('2024年小学基层表.csv', [bad, senior]);
    expect(out?.stats).toEqual([]);
    expect(issues.errors).toEqual([
      expect.objectContaining({
        file: '2024年小学基层表.csv',
        row: 4,
        cell: 'I4',
        value: '五百',
        column: '在校生数 > 合计',
      }),
    ]);
    expect(issues.warnings).toEqual([
      expect.objectContaining({ cell: 'D5', message: expect.stringContaining('高级中学') }),
    ]);
  });

  it('should read a 高中 extract as senior students, with the year from its column', async () => {
    const issues = new IssueCollector();
    const text = csvText([
      ['2024年高中基层表', '', '', ''],
      ['学校标识码', '统计三级', '年度', '在校生数'],
      ['', '', '', '合计'],
      ['2133990009', '澄川县', 2023, 900],
    ]);
    const out = await countyExtractReader.read({ name: '高中.csv', bytes: gb(text) }, { issues, mappings: [] });
    expect(issues.errors).toEqual([]);
    expect(out?.stats[0]?.row).toMatchObject({ year: 2023, schoolCode: '2133990009', studentsSenior: 900 });
    expect(out?.stats[0]?.given).toEqual(['studentsSenior']);
    expect(out?.stats[0]?.sources?.studentsSenior).toMatchObject({ cell: 'D4', label: '在校生数 > 合计' });
  });

  it('should leave a template file to the template reader', async () => {
    const issues = new IssueCollector();
    const template = new TextEncoder().encode('年度,学校标识码,小学在校生数\n2024,A,1\n');
    expect(
      await countyExtractReader.read({ name: 'school_stats.csv', bytes: template }, { issues, mappings: [] }),
    ).toBeNull();
  });

  it('should merge the 小学 and 初中 rows of a 九年一贯制 school and report a school-wide value given twice differently', async () => {
    const junior = [...ROW_A];
    junior[1] = '城关九年一贯制学校（初中部）';
    const files = [
      { name: '2024年小学.csv', bytes: gb(csvText([...HEADER, ROW_A])) },
      { name: '2024年初中.csv', bytes: gb(csvText([...HEADER, junior])) },
    ];
    const parsed = await parseImportFiles(files);
    expect(parsed.errors).toEqual([]);
    expect(parsed.stats).toHaveLength(1);
    expect(parsed.stats[0]?.row).toMatchObject({ studentsPrimary: 500, studentsJunior: 500, books: 20_000 });
    expect(parsed.stats[0]?.sources?.studentsJunior?.file).toBe('2024年初中.csv');

    const other = [...ROW_A];
    other[25] = 20_001;
    const conflict = await parseImportFiles([
      files[0] as (typeof files)[0],
      { name: '2024年初中.csv', bytes: gb(csvText([...HEADER, other])) },
    ]);
    expect(conflict.errors).toEqual([
      expect.objectContaining({
        file: '2024年初中.csv',
        cell: 'Z4',
        value: '20001',
        message: expect.stringContaining('2024年小学.csv'),
      }),
    ]);
  });
});

// ------------------------------------------------------------------------------------------------ merge functions

const located = (row: SchoolStatRow, given?: string[], blanks?: string[]): LocatedRow<SchoolStatRow> => ({
  file: 'f.csv',
  rowNumber: 2,
  row,
  headers: {},
  ...(given ? { given } : {}),
  ...(blanks ? { blanks } : {}),
});

describe(mergePartialStats.name, () => {
  it('should take each field from the row that gives it and keep the unfilled ones blank', () => {
    const a = { ...emptySchoolStat('S', 2024), studentsPrimary: 10 };
    const b = { ...emptySchoolStat('S', 2024), studentsJunior: 20 };
    const issues = new IssueCollector();
    const [merged, ...rest] = mergePartialStats(
      [located(a, ['studentsPrimary']), located(b, ['studentsJunior'])],
      issues,
    );
    expect(rest).toEqual([]);
    expect(merged?.row).toMatchObject({ studentsPrimary: 10, studentsJunior: 20 });
    expect(merged?.blanks).toContain('books');
    expect(merged?.blanks).not.toContain('studentsPrimary');
    expect(issues.errorCount).toBe(0);
  });

  it('should leave two complete rows of one school-year alone (a duplicate for validation)', () => {
    const row = emptySchoolStat('S', 2024);
    expect(mergePartialStats([located(row), located(row)], new IssueCollector())).toHaveLength(2);
  });
});

describe(applyTeachingPoints.name, () => {
  const parent = {
    ...emptySchoolStat('P', 2024),
    studentsPrimary: 400,
    teachersPrimary: 20,
    books: 8000,
    maxClassSizePrimary: 45,
  };
  const tp = {
    ...emptySchoolStat('T', 2024),
    studentsPrimary: 25,
    teachersPrimary: 3,
    books: 500,
    maxClassSizePrimary: 12,
  };
  const fact = (parentSchoolCode: string | null): LocatedRow<TeachingPointFact> => ({
    file: '2024年小学.xlsx',
    rowNumber: 7,
    sheet: '小学',
    headers: {},
    row: {
      schoolCode: 'T',
      schoolName: '东坡村教学点',
      year: 2024,
      parentSchoolCode,
      districtCode: '330999',
      parentColumn: null,
    },
  });
  const resolver = (mode: 'merge' | 'keep', parents: Record<string, string | null> = {}) => ({
    settingsOf: () => ({ ...DEFAULT_COUNTY_IMPORT_SETTINGS, teachingPoints: mode }),
    districtOf: () => '330999',
    parentOf: (code: string) => parents[code],
  });
  const schoolT = { schoolCode: 'T', schoolType: 'primary', parentSchoolCode: null } as unknown as SchoolRow;

  it("should add the teaching point's figures into its parent's row and drop its own ('merge')", () => {
    const issues = new IssueCollector();
    const out = applyTeachingPoints([located(parent), located(tp)], [], [fact('P')], resolver('merge'), issues);
    expect(out.stats.map((s) => s.row)).toEqual([
      { ...parent, studentsPrimary: 425, teachersPrimary: 23, books: 8500, maxClassSizePrimary: 45 },
    ]);
    expect(out.merged).toEqual([{ point: 'T', parent: 'P', years: [2024] }]);
    expect(issues.warnings[0]?.message).toContain('已并入所属学校 P');
  });

  it('should take the parent from the schools of the import when the extract has no column', () => {
    const out = applyTeachingPoints(
      [located(parent), located(tp)],
      [],
      [fact(null)],
      resolver('merge', { T: 'P' }),
      new IssueCollector(),
    );
    expect(out.stats).toHaveLength(1);
  });

  it('should ask for the parent when nothing names it', () => {
    const issues = new IssueCollector();
    const out = applyTeachingPoints([located(parent), located(tp)], [], [fact(null)], resolver('merge'), issues);
    expect(issues.errors).toEqual([
      expect.objectContaining({
        file: '2024年小学.xlsx',
        row: 7,
        sheet: '小学',
        message: expect.stringMatching(/东坡村教学点.*所属学校标识码.*保留为教学点/),
      }),
    ]);
    expect(out.stats.map((s) => s.row.schoolCode)).toEqual(['P']);
  });

  it('should say when the parent has no row of that year', () => {
    const issues = new IssueCollector();
    applyTeachingPoints([located(tp)], [], [fact('P')], resolver('merge'), issues);
    expect(issues.errors[0]?.message).toContain('没有该校 2024 年的统计数据');
  });

  it("should keep the teaching point as a teaching point of its parent ('keep')", () => {
    const issues = new IssueCollector();
    const school = { file: 's.csv', rowNumber: 2, headers: {}, row: schoolT };
    const out = applyTeachingPoints([located(parent), located(tp)], [school], [fact('P')], resolver('keep'), issues);
    expect(out.stats).toHaveLength(2);
    expect(out.schools[0]?.row).toMatchObject({ schoolType: 'teaching_point', parentSchoolCode: 'P' });
    expect(issues.errorCount + issues.warningCount).toBe(0);
  });
});
