import type { ImportIssue, SchoolStatRow } from '@junheng/shared';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  context,
  csvOf,
  csvText,
  keyHeaders,
  rotation,
  rowsToCells,
  school,
  stat,
  utf8,
  xlsxBytes,
  zhHeaders,
} from './test-support.ts';
import { parseImportFiles, sha256Hex, validateImport, validateParsedImport } from './validate-import.ts';

const A = '3301100001';
const B = '3301100002';
const SCHOOLS = [school(), school({ schoolCode: B, schoolName: '新河镇中心学校', schoolType: 'nine_year' })];

function onlyIssue(list: ImportIssue[], match: Partial<ImportIssue>): ImportIssue {
  const found = list.filter((i) => Object.entries(match).every(([k, v]) => i[k as keyof ImportIssue] === v));
  expect(found, JSON.stringify(list, null, 1)).toHaveLength(1);
  return found[0] as ImportIssue;
}

describe(validateImport.name, () => {
  it('should validate schools, statistics and rotations together with file summaries', async () => {
    const files = [
      { name: 'schools.csv', bytes: csvOf('schools', SCHOOLS) },
      {
        name: 'stats.xlsx',
        bytes: await xlsxBytes([zhHeaders('school_stats'), ...rowsToCells('school_stats', [stat()])]),
      },
      { name: 'rot.csv', bytes: csvOf('rotations', [rotation()]) },
    ];
    const result = await validateImport(files, context());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.truncated).toBe(false);
    expect(result.schools).toEqual(SCHOOLS);
    expect(result.stats).toEqual([stat()]);
    expect(result.rotations).toEqual([rotation()]);
    expect(result.files).toEqual([
      {
        file: 'schools.csv',
        kind: 'schools',
        encoding: 'utf-8',
        rows: 2,
        sha256: sha256Hex(files[0]?.bytes ?? new Uint8Array()),
      },
      {
        file: 'stats.xlsx',
        kind: 'school_stats',
        encoding: null,
        rows: 1,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      {
        file: 'rot.csv',
        kind: 'rotations',
        encoding: 'utf-8',
        rows: 1,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('should read a GBK CSV with Chinese headers', async () => {
    const text = csvText([zhHeaders('schools'), ...rowsToCells('schools', SCHOOLS)], '\r\n');
    const result = await validateImport([{ name: '学校.csv', bytes: iconv.encode(text, 'gbk') }], context());
    expect(result.errors).toEqual([]);
    expect(result.files[0]?.encoding).toBe('gb18030');
    expect(result.schools.map((s) => s.schoolName)).toEqual(['示例县实验小学', '新河镇中心学校']);
  });

  it('should read UTF-8 CSV with and without BOM identically', async () => {
    const text = csvText([zhHeaders('schools'), ...rowsToCells('schools', SCHOOLS)]);
    const withBom = await validateImport([{ name: 'a.csv', bytes: utf8(text, true) }], context());
    const without = await validateImport([{ name: 'a.csv', bytes: utf8(text, false) }], context());
    expect(withBom.errors).toEqual([]);
    expect(without.errors).toEqual([]);
    expect(without.schools).toEqual(withBom.schools);
  });

  it('should read XLSX number cells of codes as text codes', async () => {
    const rows = rowsToCells('schools', SCHOOLS).map((cells) =>
      cells.map((c, i) => ([0, 2, 4, 6].includes(i) ? Number(c) : c)),
    );
    const bytes = await xlsxBytes([zhHeaders('schools'), ...rows]);
    const result = await validateImport([{ name: 's.xlsx', bytes }], context());
    expect(result.errors).toEqual([]);
    expect(result.schools[0]).toMatchObject({
      schoolCode: A,
      districtCode: '330110',
      townshipCode: '330110001',
      urbanRuralCode: '111',
    });
  });

  it('should convert a 万元 equipment header to 元', async () => {
    const headers = zhHeaders('school_stats').map((h) => (h === '教学仪器设备值(元)' ? '教学仪器设备值(万元)' : h));
    const cells = rowsToCells('school_stats', [stat()]);
    const col = headers.indexOf('教学仪器设备值(万元)');
    for (const c of cells) c[col] = '12.5';
    const result = await validateImport([{ name: 's.csv', bytes: utf8(csvText([headers, ...cells])) }], context([A]));
    expect(result.errors).toEqual([]);
    expect(result.stats[0]?.equipmentValue).toBe(125_000);
  });

  it('should tolerate spaces, full-width brackets and English keys in headers', async () => {
    const headers = zhHeaders('school_stats').map((h, i) =>
      i % 3 === 0
        ? ` ${h.replace('(', '（').replace(')', '）')} `
        : i % 3 === 1
          ? (keyHeaders('school_stats')[i] ?? h)
          : h,
    );
    const bytes = utf8(csvText([headers, ...rowsToCells('school_stats', [stat()])]));
    const result = await validateImport([{ name: 's.csv', bytes }], context([A]));
    expect(result.errors).toEqual([]);
    expect(result.stats).toEqual([stat()]);
  });

  it('should find the header below a title row', async () => {
    const title = ['示例县2024年学校基本信息表'];
    const bytes = await xlsxBytes([title, [], zhHeaders('schools'), ...rowsToCells('schools', SCHOOLS)]);
    const result = await validateImport([{ name: 's.xlsx', bytes }], context());
    expect(result.errors).toEqual([]);
    expect(result.schools).toHaveLength(2);
    expect(onlyIssue(result.warnings, { file: 's.xlsx', row: 3 }).message).toContain('表头位于第 3 行');
  });

  it('should report an unknown school code in statistics', async () => {
    const result = await validateImport(
      [{ name: 'stats.csv', bytes: csvOf('school_stats', [stat(), stat({ schoolCode: '9999' })]) }],
      context([A]),
    );
    const error = onlyIssue(result.errors, { file: 'stats.csv', row: 3, column: '学校标识码', value: '9999' });
    expect(error.message).toContain("未知的学校标识码 '9999'");
    expect(result.stats).toHaveLength(1);
  });

  it('should report unknown school codes in rotations (both ends)', async () => {
    const rows = [rotation({ toSchoolCode: 'X1' }), rotation({ teacherRef: 'T2', fromSchoolCode: 'X2' })];
    const result = await validateImport([{ name: 'r.csv', bytes: csvOf('rotations', rows) }], context([A, B]));
    expect(onlyIssue(result.errors, { row: 2, column: '接收学校标识码', value: 'X1' }).message).toContain(
      "未知的学校标识码 'X1'",
    );
    expect(onlyIssue(result.errors, { row: 3, column: '派出学校标识码', value: 'X2' }).message).toContain(
      "未知的学校标识码 'X2'",
    );
    expect(result.rotations).toEqual([]);
  });

  it('should accept codes of schools in the same import', async () => {
    const result = await validateImport(
      [
        { name: 'r.csv', bytes: csvOf('rotations', [rotation()]) },
        { name: 's.csv', bytes: csvOf('schools', SCHOOLS) },
      ],
      context(),
    );
    expect(result.errors).toEqual([]);
  });

  it('should not add an unknown-code error for a school whose own row has an error', async () => {
    const result = await validateImport(
      [
        { name: 's.csv', bytes: csvOf('schools', [school({ districtName: '' })]) },
        { name: 'st.csv', bytes: csvOf('school_stats', [stat()]) },
      ],
      context(),
    );
    expect(result.errors).toEqual([{ file: 's.csv', row: 2, column: '区县名称', value: '', message: '不能为空' }]);
  });

  it('should report duplicate school-year rows, locating both', async () => {
    const result = await validateImport(
      [{ name: 'st.csv', bytes: csvOf('school_stats', [stat(), stat({ year: 2023 }), stat({ books: 1 })]) }],
      context([A]),
    );
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '学校标识码', A],
      [4, '学校标识码', A],
    ]);
    expect(result.errors[0]?.message).toContain(`学校 '${A}' 的 2024 年统计重复：与「st.csv」第 4 行重复`);
    expect(result.errors[1]?.message).toContain('与「st.csv」第 2 行重复');
  });

  it('should report duplicate school codes across two files of the same kind', async () => {
    const result = await validateImport(
      [
        { name: 'a.csv', bytes: csvOf('schools', [SCHOOLS[0] ?? school()]) },
        { name: 'b.csv', bytes: csvOf('schools', SCHOOLS) },
      ],
      context(),
    );
    expect(result.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ['a.csv', 2, '学校标识码'],
      ['b.csv', 2, '学校标识码'],
    ]);
    expect(result.errors[0]?.message).toContain('与「b.csv」第 2 行重复');
  });

  it('should warn about a teacher rotated twice in a year and count it once', async () => {
    const rows = [rotation(), rotation({ fromSchoolCode: B, toSchoolCode: A }), rotation({ year: 2023 })];
    const result = await validateImport([{ name: 'r.csv', bytes: csvOf('rotations', rows) }], context([A, B]));
    expect(result.errors).toEqual([]);
    expect(result.rotations).toEqual([rows[0], rows[2]]);
    const warning = onlyIssue(result.warnings, { file: 'r.csv', row: 3, column: '教师编号', value: 'T001' });
    expect(warning.message).toContain("教师 'T001' 在 2024 年已在「r.csv」第 2 行记录过交流，本行不重复计入");
  });

  it('should report a rotation to the same school', async () => {
    const result = await validateImport(
      [{ name: 'r.csv', bytes: csvOf('rotations', [rotation({ toSchoolCode: A })]) }],
      context([A]),
    );
    const error = onlyIssue(result.errors, { row: 2, column: '接收学校标识码', value: A });
    expect(error.message).toContain('接收学校与派出学校相同');
  });

  it('should report an unknown parent school code', async () => {
    const tp = school({ schoolCode: '3301100003', schoolType: 'teaching_point', parentSchoolCode: '404' });
    const result = await validateImport([{ name: 's.csv', bytes: csvOf('schools', [tp]) }], context());
    expect(onlyIssue(result.errors, { row: 2, column: '所属学校标识码', value: '404' }).message).toContain(
      "未知的学校标识码 '404'（所属学校）",
    );
  });

  it('should report a missing required column once for the file', async () => {
    const headers = zhHeaders('school_stats').filter((h) => h !== '初中专任教师数');
    const cells = rowsToCells('school_stats', [stat()]).map((r) => r.filter((_, i) => i !== 8));
    const result = await validateImport([{ name: 'st.csv', bytes: utf8(csvText([headers, ...cells])) }], context([A]));
    expect(result.errors).toEqual([
      {
        file: 'st.csv',
        row: 1,
        column: '初中专任教师数',
        value: null,
        message: '缺少必需列：初中专任教师数（teachers_junior）（按「学校年度统计」表判断）',
      },
    ]);
    expect(result.files[0]).toMatchObject({ kind: null, rows: 1 });
  });

  it('should report an empty file', async () => {
    const result = await validateImport([{ name: 'empty.csv', bytes: new Uint8Array() }], context());
    expect(result.errors).toEqual([
      { file: 'empty.csv', row: null, column: null, value: null, message: expect.stringContaining('文件为空') },
    ]);
    expect(result.files[0]).toMatchObject({ file: 'empty.csv', kind: null, encoding: null, rows: 0 });
  });

  it('should refuse a header-only file with an error at its header row', async () => {
    const result = await validateImport([{ name: 'h.csv', bytes: csvOf('schools', []) }], context());
    expect(onlyIssue(result.errors, { file: 'h.csv', row: 1, column: null }).message).toContain(
      '文件只有表头，没有数据行',
    );
  });

  it('should report a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const result = await validateImport([{ name: 'photo.csv', bytes: png }], context());
    expect(onlyIssue(result.errors, { file: 'photo.csv', row: null, column: null }).message).toContain(
      '不是 CSV 或 XLSX 文件',
    );
  });

  it('should report a truncated XLSX', async () => {
    const full = await xlsxBytes([zhHeaders('schools'), ...rowsToCells('schools', SCHOOLS)]);
    const result = await validateImport([{ name: 's.xlsx', bytes: full.subarray(0, full.length >> 1) }], context());
    expect(onlyIssue(result.errors, { file: 's.xlsx', row: null, column: null }).message).toContain(
      '无法读取 XLSX 文件（文件已损坏或不完整）',
    );
  });

  it('should report an undetectable encoding', async () => {
    const bytes = new Uint8Array([0xd1, 0xa7, 0x2c, 0x80, 0x0a, 0xff, 0xff, 0x0a]);
    const result = await validateImport([{ name: 'x.csv', bytes }], context());
    expect(onlyIssue(result.errors, { file: 'x.csv', row: null }).message).toContain(
      '无法识别文件编码（支持 UTF-8、GB18030/GBK）',
    );
  });

  it('should keep reading the other files when one cannot be read', async () => {
    const result = await validateImport(
      [
        { name: 'bad.csv', bytes: new Uint8Array() },
        { name: 's.csv', bytes: csvOf('schools', SCHOOLS) },
      ],
      context(),
    );
    expect(result.errors).toHaveLength(1);
    expect(result.schools).toHaveLength(2);
  });

  it('should skip a file uploaded twice with a warning', async () => {
    const bytes = csvOf('schools', SCHOOLS);
    const result = await validateImport(
      [
        { name: 'a.csv', bytes },
        { name: 'a (1).csv', bytes },
      ],
      context(),
    );
    expect(result.errors).toEqual([]);
    expect(result.schools).toHaveLength(2);
    expect(onlyIssue(result.warnings, { file: 'a (1).csv' }).message).toContain('内容完全相同');
  });

  it('should warn about data in a column without a header and about unknown columns', async () => {
    const headers = [...zhHeaders('rotations'), '备注'];
    const cells = rowsToCells('rotations', [rotation()]).map((r) => [...r, '外县', '孤立值']);
    const result = await validateImport(
      [{ name: 'r.csv', bytes: utf8(csvText([headers, ...cells])) }],
      context([A, B]),
    );
    expect(result.errors).toEqual([]);
    expect(onlyIssue(result.warnings, { column: '备注' }).message).toContain('未识别的列「备注」');
    expect(onlyIssue(result.warnings, { column: '第 8 列' })).toMatchObject({ row: 2, value: '孤立值' });
  });

  it('should warn about students in a stage the school type does not have', async () => {
    const result = await validateImport(
      [
        { name: 's.csv', bytes: csvOf('schools', [SCHOOLS[0] ?? school()]) },
        { name: 'st.csv', bytes: csvOf('school_stats', [stat({ studentsJunior: 30 })]) },
      ],
      context(),
    );
    expect(result.errors).toEqual([]);
    const w = onlyIssue(result.warnings, { file: 'st.csv', row: 2, column: '初中在校生数', value: '30' });
    expect(w.message).toContain('该校办学类型为「小学」，没有初中学段');
  });

  it("should warn about a stage with teachers but 0 students at that stage's students column (#9.9)", async () => {
    // School B is nine-year: primary has students, the junior part has 6 teachers and 2 classes but no students.
    const row = stat({ schoolCode: B, studentsJunior: 0, teachersJunior: 6, classesJunior: 2 });
    const result = await validateImport(
      [
        { name: 's.csv', bytes: csvOf('schools', SCHOOLS) },
        { name: 'st.csv', bytes: csvOf('school_stats', [row]) },
      ],
      context(),
    );
    expect(result.errors).toEqual([]);
    const w = onlyIssue(result.warnings, { file: 'st.csv', row: 2, column: '初中在校生数', value: '0' });
    expect(w.message).toBe(
      '初中在校生数为 0，但有 6 名专任教师、2 个班：该学段无法计算生均指标，将列入差异系数的排除名单。请核对是否漏填在校生数',
    );
  });

  it('should use the stored school types for a statistics-only import', async () => {
    const ctx = { ...context([A]), knownSchoolTypes: new Map([[A, 'junior' as const]]) };
    const result = await validateImport([{ name: 'st.csv', bytes: csvOf('school_stats', [stat()]) }], ctx);
    expect(result.warnings.map((w) => w.column)).toEqual(['小学在校生数', '小学班数', '小学专任教师数']);
  });

  it('should warn when a per-student area is 10× last year (stored statistics)', async () => {
    const last = stat({ year: 2023, teachingRoomArea: 300 });
    const result = await validateImport(
      [{ name: 'st.csv', bytes: csvOf('school_stats', [stat({ teachingRoomArea: 3000 })]) }],
      context([A], [last]),
    );
    expect(result.errors).toEqual([]);
    const w = onlyIssue(result.warnings, { row: 2, column: '教学及辅助用房面积(平方米)', value: '3000' });
    expect(w.message).toContain('生均教学及辅助用房面积为 5 平方米，是上一年度的 10 倍（2023 年：0.5 平方米）');
  });

  it('should warn when a per-student equipment value is a fifth of last year in the same import', async () => {
    const rows = [stat({ year: 2023, equipmentValue: 1_500_000 }), stat({ equipmentValue: 150_000 })];
    const result = await validateImport([{ name: 'st.csv', bytes: csvOf('school_stats', rows) }], context([A]));
    const w = onlyIssue(result.warnings, { row: 3, column: '教学仪器设备值(元)' });
    expect(w.message).toContain('仅为上一年度的 0.1 倍');
    expect(result.stats).toHaveLength(2);
  });

  it('should warn about a class size above 100 and about no students with teachers', async () => {
    const rows = [
      stat({ maxClassSize: 120, classes66Plus: 1 }),
      stat({ year: 2023, studentsPrimary: 0, multimediaRooms: 0 }),
    ];
    const result = await validateImport([{ name: 'st.csv', bytes: csvOf('school_stats', rows) }], context([A]));
    expect(result.errors).toEqual([]);
    expect(onlyIssue(result.warnings, { row: 2, column: '最大班额' }).message).toContain('超过 100 人');
    expect(onlyIssue(result.warnings, { row: 3, column: '小学在校生数' }).message).toContain(
      '在校生数为 0，但有 40 名专任教师',
    );
  });

  it('should warn when the schools belong to several districts', async () => {
    const other = school({ schoolCode: '3301200001', districtCode: '330120', townshipCode: '330120100' });
    const result = await validateImport([{ name: 's.csv', bytes: csvOf('schools', [...SCHOOLS, other]) }], context());
    expect(result.errors).toEqual([]);
    expect(onlyIssue(result.warnings, { row: null }).message).toContain('分属 2 个区县');
  });

  it('should cap the error list at 200 and say it was truncated', async () => {
    const headers = zhHeaders('school_stats');
    const cells = Array.from({ length: 600 }, (_, i) => {
      const row = rowsToCells('school_stats', [stat({ schoolCode: `S${i}` })])[0] ?? [];
      row[2] = 'abc';
      row[3] = '-1';
      return row;
    });
    const result = await validateImport([{ name: 'bad.csv', bytes: utf8(csvText([headers, ...cells])) }], context());
    expect(result.errors).toHaveLength(200);
    expect(result.errorCount).toBe(1200);
    expect(result.truncated).toBe(true);
    expect(result.errors[0]).toMatchObject({ file: 'bad.csv', row: 2, column: '小学在校生数', value: 'abc' });
  });

  // Speed is measured by `pnpm bench`; this checks that a file of bench size validates cleanly.
  it('should validate 3 000 statistics rows without errors', async () => {
    const codes = Array.from({ length: 3000 }, (_, i) => `33011${String(i).padStart(5, '0')}`);
    const rows = codes.map((code, i) => stat({ schoolCode: code, books: 10_000 + i, sportsArea: 4000.25 + i }));
    const bytes = csvOf('school_stats', rows);
    const previous = rows.map((r) => ({ ...r, year: 2023 }));
    const ctx = context(codes, previous);
    const result = await validateImport([{ name: 'st.csv', bytes }], ctx);
    expect(result.errors).toEqual([]);
    expect(result.stats).toHaveLength(3000);
  });

  it('should return exactly the rows written (property)', async () => {
    const count = fc.nat({ max: 5000 });
    const statArb = fc
      .record({
        studentsPrimary: count,
        teachersPrimary: fc.nat({ max: 300 }),
        teachingRoomArea: fc.double({ min: 0, max: 1e6, noNaN: true }),
      })
      .chain((s) =>
        fc.record({
          base: fc.constant(s),
          backbone: fc.nat({ max: s.teachersPrimary }),
          equipmentValue: fc.nat({ max: 1e9 }),
          year: fc.integer({ min: 2000, max: 2100 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(statArb, { minLength: 1, maxLength: 20 }), async (list) => {
        const rows: SchoolStatRow[] = list.map((x, i) =>
          stat({
            ...x.base,
            year: x.year,
            schoolCode: `C${i}`,
            higherDegreeTeachersPrimary: x.backbone,
            backboneTeachersPrimary: x.backbone,
            peArtTeachersPrimary: x.backbone,
            seniorTitleTeachersPrimary: x.backbone,
            certifiedTeachers: x.base.teachersPrimary,
            equipmentValue: x.equipmentValue,
          }),
        );
        const parsed = await parseImportFiles([{ name: 'p.csv', bytes: csvOf('school_stats', rows) }]);
        const result = validateParsedImport(parsed, context(rows.map((r) => r.schoolCode)));
        expect(result.errors).toEqual([]);
        expect(result.stats).toEqual(rows);
      }),
      { numRuns: 30 },
    );
  });
});

describe(parseImportFiles.name, () => {
  it('should expose located rows so the database side can look up the years it needs', async () => {
    const parsed = await parseImportFiles([{ name: 'st.csv', bytes: csvOf('school_stats', [stat()]) }]);
    expect(parsed.stats).toEqual([
      {
        file: 'st.csv',
        rowNumber: 2,
        row: stat(),
        headers: expect.any(Object),
        sources: expect.any(Object),
        sheet: null,
      },
    ]);
    expect(parsed.errorCount).toBe(0);
  });

  it('should report that no file was given', async () => {
    const parsed = await parseImportFiles([]);
    expect(parsed.errors[0]?.message).toBe('没有上传任何文件');
  });
});
