import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvOf, csvText, stat, utf8 } from '../test-support.ts';
import {
  type ImportContext,
  parseImportFiles,
  type UploadedImportFile,
  validateParsedImport,
} from '../validate-import.ts';
import { idCheckCharacter } from './id-card.ts';
import { parseBackboneLevel } from './teacher-roster.ts';

const A = '3301100001';
const B = '3301100002';
const C = '3301100003';

/** Statistics stored for every school of 2022–2024 (a roster updates their 符合交流条件教师数). */
const STORED = new Map(
  [A, B, C].flatMap((code) => [2022, 2023, 2024].map((year) => [`${code}:${year}`, stat({ schoolCode: code, year })])),
);

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  knownSchoolCodes: new Set([A, B, C]),
  storedStats: STORED,
  previousStats: new Map(),
  schoolDistricts: new Map([
    [A, '330110'],
    [B, '330110'],
    [C, '330110'],
  ]),
  ...over,
});

async function run(files: UploadedImportFile[], ctx: ImportContext = context()) {
  const parsed = await parseImportFiles(files);
  return { parsed, validated: validateParsedImport(parsed, ctx) };
}

const HEADER = ['年度', '教师编号', '学校标识码', '学校名称', '进入本校日期', '骨干教师级别', '任教学段'];
const ROTATION_HEADER = ['交流类型', '开始年月', '结束年月', '原单位', '交流单位'];

/** Two sheets: teachers under a title row naming the year, rotations keyed by 教师编号. */
async function twoSheetRoster(
  teachers: (string | number | Date)[][],
  rotations: (string | number)[][],
  title = '示例县2024学年初教师名册',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const t = workbook.addWorksheet('教师信息');
  t.addRow([title]);
  t.addRow(['教师编号', '姓名', '学校标识码', '学校名称', '进入本校日期', '骨干教师级别']);
  for (const row of teachers) t.addRow(row);
  const r = workbook.addWorksheet('交流记录');
  r.addRow(['教师编号', '交流类型', '开始年月', '结束年月', '原单位', '交流单位']);
  for (const row of rotations) r.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const first17 = '33011019800101123';
const ID_NUMBER = `${first17}${idCheckCharacter(first17)}`;

describe('teacher roster: identity-card numbers', () => {
  it('should reject a column headed 身份证号 with its sheet and cell, and import nothing from the file', async () => {
    const bytes = await twoSheetRoster([], []);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.getWorksheet('教师信息') as ExcelJS.Worksheet;
    sheet.getCell('G2').value = '身份证号';
    sheet.addRow(['T1', '甲', A, '一小', '2010-09-01', '无', ID_NUMBER]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { parsed, validated } = await run([{ name: '名册2024.xlsx', bytes: file }]);
    expect(parsed.files[0]?.format).toBe('teacher_roster');
    expect(parsed.rosterFacts).toEqual([]);
    expect(parsed.rotations).toEqual([]);
    expect(validated.errors).toEqual([
      expect.objectContaining({ file: '名册2024.xlsx', sheet: '教师信息', cell: 'G2', row: 2, column: '身份证号' }),
    ]);
    expect(JSON.stringify(validated)).not.toContain(ID_NUMBER);
  });

  it('should reject identity-card numbers in the teacher number column, masked, located at the first cell', async () => {
    const csv = csvText([
      HEADER,
      [2024, 'T1', A, '一小', '2010-09-01', '无', '小学'],
      [2024, ID_NUMBER, A, '一小', '2012-09-01', '无', '小学'],
      [2024, ID_NUMBER.toLowerCase(), A, '一小', '2012-09-01', '无', '小学'],
    ]);
    const { parsed, validated } = await run([{ name: '名册.csv', bytes: utf8(csv) }]);
    expect(parsed.rosterFacts).toEqual([]);
    expect(validated.errorCount).toBe(1);
    expect(validated.errors[0]).toMatchObject({
      file: '名册.csv',
      row: 3,
      cell: 'B3',
      column: '教师编号',
      value: `3301************${ID_NUMBER.slice(-2)}`,
    });
    expect(validated.errors[0]?.message).toContain('共 2 个');
    expect(JSON.stringify(validated)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(validated)).not.toContain(ID_NUMBER.slice(6, 14));
  });
});

describe('teacher roster: reading', () => {
  it('should read two sheets, the year from the title, school names, Excel dates and serial numbers', async () => {
    const bytes = await twoSheetRoster(
      [
        ['T1', '甲', A, '城关一小', new Date(Date.UTC(2015, 8, 1)), '县级'],
        ['T2', '乙', B, '城关二小', 42248, '省'],
        ['T3', '丙', A, '城关一小', '2018/9/2', ''],
        ['T4', '丁', C, '山区小学', '201810', '校级'],
      ],
      [
        ['T1', '交流轮岗', '2024-09', '2025-08', '城关一小', '山区小学'],
        ['T2', '支教', '202502', '202701', '', C],
        ['T3', '交流轮岗', '2021-09', '2022-08', '城关一小', '城关二小'],
      ],
    );
    const { parsed, validated } = await run([{ name: '教师名册.xlsx', bytes }]);
    expect(validated.errors).toEqual([]);
    expect(parsed.rosterFacts.map((f) => f.row)).toEqual([
      expect.objectContaining({
        schoolCode: A,
        year: 2024,
        teachers: 2,
        backboneTeachers: 1,
        rotationEligibleTeachers: 1,
      }),
      expect.objectContaining({
        schoolCode: B,
        year: 2024,
        teachers: 1,
        backboneTeachers: 1,
        rotationEligibleTeachers: 1,
      }),
      expect.objectContaining({
        schoolCode: C,
        year: 2024,
        teachers: 1,
        backboneTeachers: 0,
        rotationEligibleTeachers: 0,
      }),
    ]);
    expect(parsed.rotations.map((r) => r.row)).toEqual([
      { year: 2024, teacherRef: 'T1', fromSchoolCode: A, toSchoolCode: C, backbone: true, months: 12 },
      { year: 2024, teacherRef: 'T2', fromSchoolCode: B, toSchoolCode: C, backbone: true, months: 24 },
    ]);
    expect(parsed.rotations[0]).toMatchObject({ sheet: '交流记录', rowNumber: 2 });
    expect(parsed.rotations[0]?.sources?.toSchoolCode).toEqual({
      file: '教师名册.xlsx',
      sheet: '交流记录',
      cell: 'F2',
      label: '交流单位',
    });
    // T3's rotation began in 2021: the 2024 roster does not count it (the 2021 roster does).
    expect(validated.warnings).toEqual([
      expect.objectContaining({ sheet: '交流记录', cell: 'C4', message: expect.stringContaining('1 条交流记录') }),
    ]);
  });

  it('should read rotations written on the teacher rows, a teacher with two rotations on two rows', async () => {
    const csv = csvText([
      [...HEADER, ...ROTATION_HEADER],
      [2023, 'T1', A, '一小', '2010-09-01', '市', '小学', '交流轮岗', '2023-09', '2024-08', '', B],
      [2023, 'T1', A, '一小', '2010-09-01', '市', '小学', '走教', '2023-09', '', '', C],
      [2023, 'T2', B, '二小', '2020-09-01', '', '初中', '', '', '', '', ''],
      [2023, 'H1', B, '二小', '2000-09-01', '省', '高中', '交流轮岗', '2023-09', '2024-08', '', A],
      [2024, 'T1', A, '一小', '2010-09-01', '市', '小学'],
    ]);
    const gbk = new Uint8Array(iconv.encode(csv, 'gb18030'));
    const { parsed, validated } = await run([{ name: '名册.csv', bytes: gbk }]);
    expect(parsed.files[0]).toMatchObject({ format: 'teacher_roster', encoding: 'gb18030', kind: 'rotations' });
    expect(validated.errors).toEqual([]);
    expect(parsed.rotations.map((r) => [r.row.year, r.row.teacherRef, r.row.toSchoolCode, r.row.backbone])).toEqual([
      [2023, 'T1', B, true],
      [2023, 'T1', C, true],
    ]);
    // Counted once (the second row is reported as a repeat), the senior teacher's rotation left out with a warning.
    expect(validated.rotations).toHaveLength(1);
    expect(validated.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('已在'),
      expect.stringContaining('任教高中或学前'),
    ]);
    expect(parsed.rosterFacts.map((f) => [f.row.schoolCode, f.row.year, f.row.teachers])).toEqual([
      [A, 2023, 1],
      [B, 2023, 1],
      [A, 2024, 1],
    ]);
  });

  it('should report each unreadable value at its cell and import nothing from the file', async () => {
    const csv = csvText([
      [...HEADER, ...ROTATION_HEADER],
      [2024, 'T1', A, '一小', '2010-13-01', '无', '小学'],
      [2024, 'T2', A, '一小', '', '无', '小学'],
      [2024, 'T3', A, '一小', '2010-09-01', '特级', '小学'],
      [2024, 'T4', '', '不存在的学校', '2010-09-01', '无', '小学'],
      [2024, 'T5', A, '一小', '2010-09-01', '无', '小学', '交流轮岗', '2024-09', '2024-06', '', '某某中学'],
      ['二〇二四', 'T6', A, '一小', '2010-09-01', '无', '小学'],
    ]);
    const { parsed, validated } = await run([{ name: '名册.csv', bytes: utf8(csv) }]);
    expect(parsed.rosterFacts).toEqual([]);
    expect(parsed.rotations).toEqual([]);
    expect(validated.errors.map((e) => [e.cell, e.value])).toEqual([
      ['E2', '2010-13-01'],
      ['E3', ''],
      ['F4', '特级'],
      ['D5', '不存在的学校'],
      ['J6', '2024-06'],
      ['L6', '某某中学'],
      ['A7', '二〇二四'],
    ]);
    expect(validated.errors.every((e) => e.file === '名册.csv' && e.sheet === undefined)).toBe(true);
  });

  it('should need the year: from a 年度 column, the title or the file name', async () => {
    const rows = [
      ['教师编号', '学校标识码', '进入本校日期', '骨干'],
      ['T1', A, '2010-09-01', '无'],
    ];
    const none = await run([{ name: '名册.csv', bytes: utf8(csvText(rows)) }]);
    expect(none.validated.errors).toEqual([
      expect.objectContaining({ file: '名册.csv', message: expect.stringContaining('无法确定名册的统计年度') }),
    ]);
    const named = await run([{ name: '名册_2022.csv', bytes: utf8(csvText(rows)) }]);
    expect(named.parsed.rosterFacts.map((f) => f.row.year)).toEqual([2022]);
    const exported = await run([{ name: '名册导出20250301.csv', bytes: utf8(csvText(rows)) }]);
    expect(exported.validated.errors[0]?.message).toContain('无法确定名册的统计年度');
  });

  it('should read 骨干 levels as the system and analysts write them', () => {
    expect(
      ['省级', '省', '省级骨干教师', '市级', '市', '县级', '县', '区级', '县(区)级', '国家级'].map(parseBackboneLevel),
    ).toEqual(['province', 'province', 'province', 'city', 'city', 'county', 'county', 'county', 'county', 'national']);
    expect(['无', '', '否', '-', '校级'].map(parseBackboneLevel)).toEqual(['none', 'none', 'none', 'none', 'school']);
    expect(parseBackboneLevel('特级')).toBeUndefined();
  });

  it('should leave template files and other tables to the other readers', async () => {
    const { parsed } = await run([
      {
        name: 'x.csv',
        bytes: utf8(
          csvText([
            ['年度', '教师编号'],
            [2024, 'T1'],
          ]),
        ),
      },
    ]);
    expect(parsed.files[0]?.format).toBeUndefined();
  });
});

describe('teacher roster: merged into the statistics', () => {
  const roster = csvText([
    HEADER,
    [2024, 'T1', A, '一小', '2016-09-01', '无', '小学'],
    [2024, 'T2', A, '一小', '2017-09-01', '无', '小学'],
    [2024, 'T3', A, '一小', '2018-09-01', '无', '小学'],
    [2024, 'T4', B, '二小', '2010-09-01', '无', '小学'],
  ]);

  it('should take the eligible teachers from the roster, with a warning when the statistics said otherwise', async () => {
    const parsed = await parseImportFiles([{ name: '名册.csv', bytes: utf8(roster) }]);
    const stats = await parseImportFiles([
      { name: '统计.csv', bytes: csvOf('school_stats', [stat({ schoolCode: A, rotationEligibleTeachers: 5 })]) },
    ]);
    expect(stats.stats).toHaveLength(1);
    parsed.stats.push(...stats.stats);
    const validated = validateParsedImport(
      parsed,
      context({ storedStats: new Map([[`${B}:2024`, stat({ schoolCode: B, rotationEligibleTeachers: 9 })]]) }),
    );
    expect(validated.stats.find((s) => s.schoolCode === A)?.rotationEligibleTeachers).toBe(3);
    expect(validated.warnings).toContainEqual(
      expect.objectContaining({ file: '统计.csv', row: 2, value: '5', message: expect.stringContaining('推算为 3') }),
    );
    expect(validated.rotationEligibleUpdates).toEqual([{ schoolCode: B, year: 2024, rotationEligibleTeachers: 1 }]);
    expect(validated.rosterSummaries).toEqual([
      expect.objectContaining({
        file: '名册.csv',
        year: 2024,
        statisticsDate: '2024-09-01',
        eligibleYears: [6],
        schools: 2,
        teachers: 4,
        eligibleTeachers: 4,
        statsInImport: 1,
        storedStatsUpdated: 1,
      }),
    ]);
  });

  it('should count with the county’s own threshold', async () => {
    const parsed = await parseImportFiles([{ name: '名册.csv', bytes: utf8(roster) }]);
    const stored = new Map([
      [`${A}:2024`, stat({ schoolCode: A })],
      [`${B}:2024`, stat({ schoolCode: B })],
    ]);
    const settings = new Map([['330110', { teachingPoints: 'merge' as const, rotationEligibleYears: 7 }]]);
    const validated = validateParsedImport(parsed, context({ storedStats: stored, countySettings: settings }));
    // Joined 2016, 2017, 2018 → 8, 7, 6 years on 2024-09-01: two of them at 7 years or more.
    expect(validated.rotationEligibleUpdates).toEqual([
      { schoolCode: A, year: 2024, rotationEligibleTeachers: 2 },
      { schoolCode: B, year: 2024, rotationEligibleTeachers: 1 },
    ]);
    expect(validated.rosterSummaries[0]?.eligibleYears).toEqual([7]);
  });

  it('should fill a blank statistics cell', async () => {
    const parsed = await parseImportFiles([{ name: '名册.csv', bytes: utf8(roster) }]);
    const stats = await parseImportFiles([
      { name: '统计.csv', bytes: csvOf('school_stats', [stat({ schoolCode: A }), stat({ schoolCode: B })]) },
    ]);
    // The 符合交流条件教师数 column left blank: on its own an error (空白不等于 0), filled by the roster.
    for (const r of stats.stats) (r as { blanks?: string[] }).blanks = ['rotationEligibleTeachers'];
    expect(validateParsedImport(stats, context()).errorCount).toBe(2);
    parsed.stats.push(...stats.stats);
    const validated = validateParsedImport(parsed, context());
    expect(validated.errors).toEqual([]);
    expect(validated.warnings).toEqual([]);
    expect(validated.stats.map((s) => s.rotationEligibleTeachers)).toEqual([3, 1]);
  });

  it('should leave out the schools the product does not hold (高中, 幼儿园), with one warning per school', async () => {
    const other = '3301109999';
    const csv = csvText([
      HEADER,
      [2023, 'T1', A, '一小', '2016-09-01', '无', '小学'],
      [2023, 'S1', other, '一中', '2016-09-01', '无', '初中'],
      [2024, 'S1', other, '一中', '2016-09-01', '无', '初中'],
      [2024, 'S2', other, '一中', '2016-09-01', '无', '初中'],
    ]);
    const { validated } = await run([{ name: '名册.csv', bytes: utf8(csv) }]);
    expect(validated.errors).toEqual([]);
    expect(validated.warnings).toEqual([
      expect.objectContaining({ row: 3, cell: 'C3', value: other, message: expect.stringContaining('2023、2024 年') }),
    ]);
    expect(validated.rotationEligibleUpdates).toEqual([{ schoolCode: A, year: 2023, rotationEligibleTeachers: 1 }]);
  });

  it('should refuse a school-year with no statistics anywhere', async () => {
    const parsed = await parseImportFiles([{ name: '名册.csv', bytes: utf8(roster) }]);
    const validated = validateParsedImport(parsed, context({ storedStats: new Map() }));
    expect(validated.errors).toEqual([
      expect.objectContaining({
        file: '名册.csv',
        row: 2,
        cell: 'C2',
        message: expect.stringContaining('2024 年的统计数据'),
      }),
      expect.objectContaining({ file: '名册.csv', row: 5, cell: 'C5' }),
    ]);
  });
});
