import { type ImportIssue, type ImportKind, SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { matchHeaders } from './headers.ts';
import { IssueCollector } from './issues.ts';
import { cleanCode, parseBooleanCell, parseNumberCell, parseRows } from './parse-rows.ts';
import { rotation, rowsToCells, school, stat, zhHeaders } from './test-support.ts';

const FILE = 'test.csv';

/** A school with 10 primary teachers, all subsets consistent. */
const TEN_TEACHERS = stat({
  teachersPrimary: 10,
  higherDegreeTeachersPrimary: 8,
  backboneTeachersPrimary: 2,
  peArtTeachersPrimary: 2,
  seniorTitleTeachersPrimary: 5,
  certifiedTeachers: 10,
});

/** Parse one data row (row 2) of `kind` under `headers`, replacing some cells by header. */
function parseOne<K extends ImportKind>(
  kind: K,
  base: object,
  replace: Record<string, string> = {},
  headers = zhHeaders(kind),
) {
  const cells = rowsToCells(kind, [base])[0] ?? [];
  for (const [header, value] of Object.entries(replace)) {
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no header ${header}`);
    cells[i] = value;
  }
  const issues = new IssueCollector();
  const result = parseRows(kind, FILE, matchHeaders(kind, headers).bindings, [{ rowNumber: 2, cells }], issues);
  return { ...result, errors: issues.errors, warnings: issues.warnings };
}

function expectOneError(errors: ImportIssue[], column: string, value: string | null, message: string | RegExp) {
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error).toMatchObject({ file: FILE, row: 2, column, value });
  if (typeof message === 'string') expect(error?.message).toContain(message);
  else expect(error?.message).toMatch(message);
}

describe(parseNumberCell.name, () => {
  it('should accept thousands separators, spaces, full-width digits and empty markers', () => {
    expect(parseNumberCell(' 1,234 ')).toEqual({ kind: 'number', value: 1234 });
    expect(parseNumberCell('1,234,567.5')).toEqual({ kind: 'number', value: 1_234_567.5 });
    expect(parseNumberCell('１２')).toEqual({ kind: 'number', value: 12 });
    expect(parseNumberCell('1.5e3')).toEqual({ kind: 'number', value: 1500 });
    expect(parseNumberCell('')).toEqual({ kind: 'empty' });
    expect(parseNumberCell(' - ')).toEqual({ kind: 'empty' });
    expect(parseNumberCell('12,34')).toEqual({ kind: 'invalid' });
    expect(parseNumberCell('abc')).toEqual({ kind: 'invalid' });
    expect(parseNumberCell('12人')).toEqual({ kind: 'invalid' });
  });
});

describe(parseBooleanCell.name, () => {
  it('should accept 是/否, Y/N, yes/no, true/false and 1/0', () => {
    for (const t of ['是', 'Y', 'yes', 'TRUE', '1', ' y ']) expect(parseBooleanCell(t)).toBe(true);
    for (const f of ['否', 'n', 'No', 'false', '0']) expect(parseBooleanCell(f)).toBe(false);
    expect(parseBooleanCell('')).toBeNull();
    expect(parseBooleanCell('也许')).toBeUndefined();
  });
});

describe(cleanCode.name, () => {
  it('should keep codes as text and strip Excel text markers', () => {
    expect(cleanCode(" '0330999 ")).toBe('0330999');
    expect(cleanCode('="0012"')).toBe('0012');
    expect(cleanCode('３３０９')).toBe('3309');
  });
});

describe(parseRows.name, () => {
  it('should turn valid cells into canonical rows of each kind', () => {
    const s = school({ parentSchoolCode: '3301100009', groupName: '一集团', boarding: true });
    expect(parseOne('schools', s).rows).toEqual([
      { file: FILE, rowNumber: 2, row: s, headers: expect.any(Object), sources: expect.any(Object), sheet: null },
    ]);
    const st = stat({ teachingRoomArea: 3000.5 });
    expect(parseOne('school_stats', st).rows[0]?.row).toEqual(st);
    const r = rotation({ months: null, backbone: true });
    expect(parseOne('rotations', r).rows[0]?.row).toEqual(r);
  });

  it('should accept Chinese labels and English values of enums and booleans', () => {
    const result = parseOne('schools', school(), { 办学类型: 'nine_year', 办学性质: '民办', 是否寄宿制: 'Y' });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.row).toMatchObject({ schoolType: 'nine_year', ownership: 'private', boarding: true });
    const zh = parseOne('schools', school(), { 办学类型: '十二年一贯制学校', 办学性质: 'public' });
    expect(zh.rows[0]?.row).toMatchObject({ schoolType: 'twelve_year', ownership: 'public' });
  });

  it('should default empty stage numbers to 0 and accept thousands separators', () => {
    const result = parseOne('school_stats', stat(), {
      初中在校生数: '',
      高中在校生数: '-',
      图书册数: '1,234',
      小学在校生数: ' 600 ',
    });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.row).toMatchObject({
      studentsJunior: 0,
      studentsSenior: 0,
      books: 1234,
      studentsPrimary: 600,
    });
  });

  it('should convert a 万元 equipment value to 元', () => {
    const headers = zhHeaders('school_stats').map((h) => (h === '教学仪器设备值(元)' ? '教学仪器设备值（万元）' : h));
    const result = parseOne('school_stats', stat(), { '教学仪器设备值（万元）': '12.5' }, headers);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.row.equipmentValue).toBe(125_000);
    const tricky = parseOne('school_stats', stat(), { '教学仪器设备值（万元）': '0.3' }, headers);
    expect(tricky.rows[0]?.row.equipmentValue).toBe(3000);
  });

  it('should report text in a number column', () => {
    const result = parseOne('school_stats', stat(), { 小学在校生数: 'abc' });
    expectOneError(result.errors, '小学在校生数', 'abc', "应为非负整数，实际为 'abc'");
    expect(result.rows).toEqual([]);
    expect(result.invalidRows).toBe(1);
  });

  it('should report a negative count', () => {
    const result = parseOne('school_stats', stat(), { 小学班数: '-3' });
    expectOneError(result.errors, '小学班数', '-3', "应为非负整数，不能为负数，实际为 '-3'");
  });

  it('should report a negative area', () => {
    const result = parseOne('school_stats', stat(), { '体育运动场馆面积(平方米)': '-10.5' });
    expectOneError(result.errors, '体育运动场馆面积(平方米)', '-10.5', '应为非负数（平方米），不能为负数');
  });

  it('should report a fraction in a count column', () => {
    const result = parseOne('school_stats', stat(), { 小学专任教师数: '12.5' });
    expectOneError(result.errors, '小学专任教师数', '12.5', "应为非负整数，不能有小数，实际为 '12.5'");
  });

  it('should report an empty year or school code', () => {
    const year = parseOne('school_stats', stat(), { 年度: '' });
    expectOneError(year.errors, '年度', '', '不能为空，应为四位年份');
    const code = parseOne('school_stats', stat(), { 学校标识码: ' ' });
    expectOneError(code.errors, '学校标识码', ' ', '不能为空');
  });

  it('should report a year out of range with a Chinese message', () => {
    const result = parseOne('school_stats', stat(), { 年度: '1999' });
    expectOneError(result.errors, '年度', '1999', "应不小于 2000，实际为 '1999'");
  });

  it('should accept 2024年 as a year', () => {
    expect(parseOne('rotations', rotation(), { 年度: '2024年' }).rows[0]?.row.year).toBe(2024);
  });

  it('should report more backbone teachers than teachers, naming both columns', () => {
    const result = parseOne('school_stats', TEN_TEACHERS, { 小学县级以上骨干教师数: '12' });
    expectOneError(result.errors, '小学县级以上骨干教师数', '12', '小学县级以上骨干教师数(12)大于小学专任教师数(10)');
  });

  it('should report more higher-degree teachers than teachers', () => {
    const result = parseOne('school_stats', stat({ studentsJunior: 100, teachersJunior: 8 }), {
      初中高于规定学历教师数: '9',
    });
    expectOneError(result.errors, '初中高于规定学历教师数', '9', '初中高于规定学历教师数(9)大于初中专任教师数(8)');
  });

  it('should report more PE/art teachers than teachers', () => {
    const result = parseOne('school_stats', stat({ teachersPrimary: 5, certifiedTeachers: 5 }), {
      小学体育艺术专任教师数: '6',
      小学县级以上骨干教师数: '1',
      小学高于规定学历教师数: '5',
      小学中级及以上职称教师数: '2',
    });
    expectOneError(result.errors, '小学体育艺术专任教师数', '6', '小学体育艺术专任教师数(6)大于小学专任教师数(5)');
  });

  it('should name the header as written in the file in cross-field messages', () => {
    const headers = SCHOOL_STAT_COLUMNS.map((c) => c.key);
    const result = parseOne('school_stats', TEN_TEACHERS, { backbone_teachers_primary: '12' }, headers);
    expectOneError(
      result.errors,
      'backbone_teachers_primary',
      '12',
      'backbone_teachers_primary(12)大于teachers_primary(10)',
    );
  });

  it('should report more certified teachers than teachers of both stages', () => {
    const result = parseOne('school_stats', stat(), { 持有教师资格证专任教师数: '41' });
    expectOneError(result.errors, '持有教师资格证专任教师数', '41', '(41)大于小学专任教师数与初中专任教师数之和(40)');
  });

  it('should report an unknown school type listing the accepted values', () => {
    const result = parseOne('schools', school(), { 办学类型: '大学' });
    expectOneError(result.errors, '办学类型', '大学', '应为 小学、小学教学点、初级中学、九年一贯制学校');
    expect(result.errors[0]?.message).toContain("实际为 '大学'");
    expect(result.errors[0]?.message).toContain('teaching_point');
  });

  it('should report an unknown urban-rural code listing the seven codes', () => {
    const result = parseOne('schools', school(), { 城乡分类代码: '113' });
    expectOneError(result.errors, '城乡分类代码', '113', '应为城乡分类代码 111(主城区)、112(城乡结合区)');
    expect(result.errors[0]?.message).toContain("实际为 '113'");
  });

  it('should report an unknown boolean and ownership', () => {
    const result = parseOne('schools', school(), { 是否寄宿制: '有时', 办学性质: '合办' });
    expect(result.errors.map((e) => [e.column, e.value])).toEqual([
      ['办学性质', '合办'],
      ['是否寄宿制', '有时'],
    ]);
    expect(result.errors[1]?.message).toContain('应为 是 或 否');
  });

  it('should report a malformed district code with the schema message in Chinese', () => {
    const result = parseOne('schools', school(), { 区县代码: '33011' });
    expectOneError(result.errors, '区县代码', '33011', "区县代码应为6位数字，实际为 '33011'");
  });

  it('should report a code Excel turned into scientific notation', () => {
    const result = parseOne('schools', school(), { 学校标识码: '3.30110E+09' });
    expectOneError(result.errors, '学校标识码', '3.30110E+09', '科学计数法');
  });

  it('should report a rotation of zero months and a too long teacher reference', () => {
    const result = parseOne('rotations', rotation(), { '交流时长(月)': '0', 教师编号: 'x'.repeat(41) });
    expect(result.errors.map((e) => [e.column, e.message])).toEqual([
      ['教师编号', expect.stringContaining('长度不能超过 40 个字符')],
      ['交流时长(月)', expect.stringContaining("应大于 0，实际为 '0'")],
    ]);
  });

  it('should fill optional columns the file leaves out with null', () => {
    const headers = zhHeaders('schools').slice(0, 10);
    const cells = rowsToCells('schools', [school()])[0]?.slice(0, 10) ?? [];
    const result = parseRows('schools', FILE, matchHeaders('schools', headers).bindings, [{ rowNumber: 7, cells }]);
    expect(result.rows[0]).toMatchObject({ rowNumber: 7, row: { parentSchoolCode: null, groupName: null } });
  });
});
