import type { SchoolRow, SchoolStatRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { describeSchoolEvents, formerNames, nameInYear } from '../county/school-events.ts';
import { effectiveYear, type StoredSchoolIdentity } from './school-events.ts';
import { context, csvOf, school, stat } from './test-support.ts';
import { parseImportFiles, type ValidatedImport, validateParsedImport } from './validate-import.ts';

const A = '3301100001';
const B = '3301100002';
const C = '3301100003';

function stored(code: string, overrides: Partial<StoredSchoolIdentity> = {}): [string, StoredSchoolIdentity] {
  return [
    code,
    {
      name: `学校${code.slice(-1)}`,
      schoolType: 'primary',
      townshipCode: '330110001',
      townshipName: '城关街道',
      districtCode: '330110',
      statYears: [2024],
      closedYear: null,
      ...overrides,
    },
  ];
}

/** Three stored schools of one county with 2024 statistics, named 学校1 … 学校3. */
const COUNTY = new Map([stored(A), stored(B), stored(C)]);

async function validate(
  schools: SchoolRow[],
  stats: SchoolStatRow[],
  storedSchools: ReadonlyMap<string, StoredSchoolIdentity> = COUNTY,
): Promise<ValidatedImport> {
  const files = [];
  if (schools.length > 0) files.push({ name: 'schools.csv', bytes: csvOf('schools', schools) });
  if (stats.length > 0) files.push({ name: 'stats.csv', bytes: csvOf('school_stats', stats) });
  const parsed = await parseImportFiles(files);
  return validateParsedImport(parsed, {
    ...context([...storedSchools.keys()]),
    storedSchools,
    schoolDistricts: new Map([...storedSchools].map(([code, s]) => [code, s.districtCode])),
  });
}

const row = (code: string, overrides: Partial<SchoolRow> = {}) =>
  school({ schoolCode: code, schoolName: `学校${code.slice(-1)}`, ...overrides });
const stats2025 = (...codes: string[]) => codes.map((code) => stat({ schoolCode: code, year: 2025 }));

describe('effectiveYear', () => {
  it('should date a change to the first imported year after the stored ones', () => {
    expect(effectiveYear([2025, 2026], [2023, 2024], 2024)).toEqual({ year: 2025, backfill: false });
    expect(effectiveYear([2024], [2023, 2024], 2024)).toEqual({ year: 2024, backfill: false });
    expect(effectiveYear([2022, 2023, 2024], [], null)).toEqual({ year: 2022, backfill: false });
  });

  it('should treat an import older than the stored statistics as a back-fill', () => {
    expect(effectiveYear([2020], [2023, 2024], 2024)).toEqual({ year: 2020, backfill: true });
  });

  it('should date a schools-only import to the year after the county’s latest statistics', () => {
    expect(effectiveYear([], [2023], 2024)).toEqual({ year: 2025, backfill: false });
    expect(effectiveYear([], [], null)).toBeNull();
  });
});

describe('school identity across years (import)', () => {
  it('should record a rename with the year of the imported statistics and keep the new name current', async () => {
    const result = await validate([row(A, { schoolName: '城关第一实验小学' }), row(B), row(C)], stats2025(A, B, C));
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents).toEqual([
      {
        schoolCode: A,
        year: 2025,
        kind: 'renamed',
        oldValue: '学校1',
        newValue: '城关第一实验小学',
        targetSchoolCode: null,
      },
    ]);
    expect(result.schools.find((s) => s.schoolCode === A)?.schoolName).toBe('城关第一实验小学');
    const warning = result.warnings.find((w) => w.message.includes('城关第一实验小学'));
    expect(warning).toMatchObject({ file: 'schools.csv', row: 2, column: '学校名称', value: '城关第一实验小学' });
    expect(warning?.message).toContain('记为 2025 年起的变更');
  });

  it('should record type and township changes with their old and new values', async () => {
    const result = await validate(
      [row(A, { schoolType: 'nine_year', townshipCode: '330110002', townshipName: '新河镇' }), row(B), row(C)],
      [],
    );
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents.map((e) => [e.kind, e.year, e.oldValue, e.newValue])).toEqual([
      ['type_changed', 2025, 'primary', 'nine_year'],
      ['township_changed', 2025, '330110001', '330110002'],
    ]);
  });

  it('should keep the current name of a school when an older year is imported (back-fill), with a warning', async () => {
    const two = new Map([stored(A, { statYears: [2023, 2024] })]);
    const result = await validate([row(A, { schoolName: '旧名小学' })], [stat({ schoolCode: A, year: 2022 })], two);
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents).toEqual([]);
    expect(result.schools[0]?.schoolName).toBe('学校1');
    expect(result.warnings.some((w) => w.message.includes('学校保留现在（最新）的信息'))).toBe(true);
  });

  it('should record a merge and a closure written in the schools file', async () => {
    const result = await validate(
      [row(A), row(B, { mergedIntoCode: A, closedYear: 2025 }), row(C, { closedYear: 2025 })],
      stats2025(A),
    );
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents).toEqual([
      { schoolCode: B, year: 2025, kind: 'merged_into', oldValue: null, newValue: null, targetSchoolCode: A },
      { schoolCode: C, year: 2025, kind: 'closed', oldValue: null, newValue: null, targetSchoolCode: null },
    ]);
    // Recorded closures are not warned about as missing statistics.
    expect(result.warnings.some((w) => w.message.includes('却没有该校'))).toBe(false);
  });

  it('should take the import’s statistics year for a merge without a closing year', async () => {
    const result = await validate([row(A), row(B, { mergedIntoCode: A }), row(C)], stats2025(A, C));
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents).toMatchObject([{ schoolCode: B, year: 2025, kind: 'merged_into' }]);
  });

  it('should refuse an unknown merge target with a located error', async () => {
    const result = await validate([row(A), row(B, { mergedIntoCode: '3301109999', closedYear: 2025 })], stats2025(A));
    expect(result.errorCount).toBe(1);
    expect(result.errors[0]).toMatchObject({
      file: 'schools.csv',
      row: 3,
      column: '撤并入学校标识码',
      value: '3301109999',
    });
    expect(result.errors[0]?.message).toContain('未知的学校标识码');
    expect(result.schoolEvents).toEqual([]);
  });

  it('should refuse a merge into another county, into itself, or into a school closed by then', async () => {
    const other = new Map([...COUNTY, stored('3302200001', { districtCode: '330220' })]);
    const wrongCounty = await validate([row(B, { mergedIntoCode: '3302200001', closedYear: 2025 })], [], other);
    expect(wrongCounty.errors[0]?.message).toContain('只能撤并入本县的学校');
    const itself = await validate([row(B, { mergedIntoCode: B, closedYear: 2025 })], []);
    expect(itself.errors[0]?.message).toContain('不能是本校自己');
    const closedTarget = await validate(
      [row(B, { mergedIntoCode: C, closedYear: 2025 })],
      [],
      new Map([stored(A), stored(B), stored(C, { closedYear: 2024 })]),
    );
    expect(closedTarget.errors[0]?.message).toContain('自 2024 年起已撤销');
  });

  it('should refuse a closing year contradicted by the school’s statistics or too far ahead', async () => {
    const contradicted = await validate([row(A), row(B, { closedYear: 2025 })], stats2025(A, B));
    expect(contradicted.errors[0]).toMatchObject({ row: 3, column: '撤销年份', value: '2025' });
    expect(contradicted.errors[0]?.message).toContain('该校有 2025 年的统计数据');
    const ahead = await validate([row(B, { closedYear: 2030 })], []);
    expect(ahead.errors[0]?.message).toContain('撤销年份最晚为 2025 年');
    expect(contradicted.schoolEvents).toEqual([]);
  });

  it('should warn (and record nothing) when a school of the county is missing from a year’s statistics', async () => {
    const result = await validate([], stats2025(A, B));
    expect(result.errors).toEqual([]);
    expect(result.schoolEvents).toEqual([]);
    const missing = result.warnings.filter((w) => w.message.includes('却没有该校'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file: 'stats.csv', value: C });
    expect(missing[0]?.message).toContain('学校3');
  });

  it('should not warn about missing schools when the import covers only a few of them', async () => {
    const many = new Map([stored(A), stored(B), stored(C), stored('3301100004'), stored('3301100005')]);
    const result = await validate([], stats2025(A), many);
    expect(result.warnings.some((w) => w.message.includes('却没有该校'))).toBe(false);
  });

  it('should record a new school of a county with earlier statistics as opened in its first year', async () => {
    const D = '3301100004';
    const result = await validate([row(D, { schoolName: '新区小学' })], stats2025(A, B, C, D));
    expect(result.schoolEvents).toEqual([
      { schoolCode: D, year: 2025, kind: 'opened', oldValue: null, newValue: null, targetSchoolCode: null },
    ]);
    // The first import of a county opens nothing.
    const first = await validate([row(D)], [stat({ schoolCode: D, year: 2025 })], new Map());
    expect(first.schoolEvents).toEqual([]);
  });
});

describe('statistics of a closed school', () => {
  it('should warn when a school recorded as closed gets statistics for a later year', async () => {
    const closedB = new Map([stored(A), stored(B, { closedYear: 2025 }), stored(C)]);
    const result = await validate([], stats2025(A, B, C), closedB);
    expect(result.errors).toEqual([]);
    const warning = result.warnings.find((w) => w.message.includes('已记录为自 2025 年起撤并或撤销'));
    expect(warning).toMatchObject({ file: 'stats.csv', row: 3, value: B });
  });
});

describe('names across years', () => {
  const renames = [
    { schoolCode: A, year: 2022, kind: 'renamed' as const, oldValue: '甲', newValue: '乙', targetSchoolCode: null },
    { schoolCode: A, year: 2025, kind: 'renamed' as const, oldValue: '乙', newValue: '丙', targetSchoolCode: null },
  ];

  it('should give the name of each year', () => {
    expect(nameInYear('丙', renames, 2020)).toBe('甲');
    expect(nameInYear('丙', renames, 2022)).toBe('乙');
    expect(nameInYear('丙', renames, 2024)).toBe('乙');
    expect(nameInYear('丙', renames, 2026)).toBe('丙');
    expect(nameInYear('丙', [], 2020)).toBe('丙');
  });

  it('should list former names with the last year each was used', () => {
    expect(formerNames('丙', renames)).toEqual([
      { name: '甲', until: 2021 },
      { name: '乙', until: 2024 },
    ]);
  });

  it('should describe a merge with the names of that year, and no name for a target outside the scope', () => {
    const merge = { schoolCode: B, year: 2024, kind: 'merged_into' as const, oldValue: null, newValue: null };
    const described = describeSchoolEvents(
      [...renames, { ...merge, targetSchoolCode: A }, { ...merge, schoolCode: C, targetSchoolCode: '3309999999' }],
      [
        { schoolCode: A, schoolName: '丙' },
        { schoolCode: B, schoolName: '学校2' },
        { schoolCode: C, schoolName: '学校3' },
      ],
    );
    expect(described.map((e) => [e.schoolName, e.targetSchoolName])).toEqual([
      ['甲', null],
      ['乙', null],
      ['学校2', '乙'],
      ['学校3', null],
    ]);
  });
});
