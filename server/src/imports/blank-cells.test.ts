import { IMPORT_COLUMNS, type SchoolStatRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { columnLetter } from './excel-address.ts';
import { templateHeader } from './templates.ts';
import { context, csvOf, csvText, rowsToCells, school, stat, utf8, zhHeaders } from './test-support.ts';
import { validateImport } from './validate-import.ts';

/** Issue #9 point 4: a blank statistics cell is not a zero. */

const B = '3301100002';
const SCHOOLS = [school(), school({ schoolCode: B, schoolName: '新河镇中心学校', schoolType: 'nine_year' })];
const BLANK_MESSAGE = '空白不等于 0：确为 0 请填 0';

const headerOf = (key: string) => {
  const column = IMPORT_COLUMNS.school_stats.find((c) => c.key === key);
  if (!column) throw new Error(key);
  return templateHeader(column);
};

/** A statistics CSV of the rows, with the listed cells (row index, column key) left blank. */
function statsCsv(rows: readonly SchoolStatRow[], blanks: readonly [number, string][]): Uint8Array {
  const keys = IMPORT_COLUMNS.school_stats.map((c) => c.key);
  const cells = rowsToCells('school_stats', rows);
  for (const [row, key] of blanks) (cells[row] as string[])[keys.indexOf(key)] = '';
  return utf8(csvText([zhHeaders('school_stats'), ...cells]), true);
}

async function importStats(rows: readonly SchoolStatRow[], blanks: readonly [number, string][]) {
  return validateImport(
    [
      { name: 'schools.csv', bytes: csvOf('schools', SCHOOLS) },
      { name: 'stats.csv', bytes: statsCsv(rows, blanks) },
    ],
    context(),
  );
}

describe('blank statistics cells', () => {
  it('should reject a blank equipment value with a located error instead of reading 0', async () => {
    const result = await importStats([stat()], [[0, 'equipment_value']]);
    expect(result.errors).toEqual([
      {
        file: 'stats.csv',
        row: 2,
        column: headerOf('equipment_value'),
        // The cell as Excel names it, from the value's provenance (issue #13).
        cell: `${columnLetter(IMPORT_COLUMNS.school_stats.findIndex((c) => c.key === 'equipment_value'))}2`,
        value: '',
        message: expect.stringContaining(BLANK_MESSAGE),
      },
    ]);
  });

  it('should reject blanks in the columns of a stage the school has (by type or by its figures)', async () => {
    const nine = stat({
      schoolCode: B,
      studentsJunior: 380,
      classesJunior: 10,
      teachersJunior: 30,
      higherDegreeTeachersJunior: 28,
      certifiedTeachers: 70,
    });
    const result = await importStats(
      [stat(), nine],
      [
        [0, 'students_primary'],
        [1, 'backbone_teachers_junior'],
      ],
    );
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, headerOf('students_primary')],
      [3, headerOf('backbone_teachers_junior')],
    ]);
    for (const e of result.errors) expect(e.message).toContain(BLANK_MESSAGE);
    expect(result.errors[1]?.message).toContain('初中');
  });

  it('should read blanks of a stage the school does not have as 0', async () => {
    const juniorKeys = IMPORT_COLUMNS.school_stats
      .filter((c) => c.required && c.key.endsWith('_junior'))
      .map((c): [number, string] => [0, c.key]);
    const result = await importStats([stat()], [...juniorKeys, [0, 'students_senior']]);
    expect(result.errors).toEqual([]);
    expect(result.stats[0]).toMatchObject({ studentsJunior: 0, teachersJunior: 0, studentsSenior: 0 });
  });

  it('should store a blank optional class-size cell as unknown (null), not 0', async () => {
    const result = await importStats(
      [stat()],
      [
        [0, 'max_class_size'],
        [0, 'classes_56_65'],
      ],
    );
    expect(result.errors).toEqual([]);
    expect(result.stats[0]).toMatchObject({ maxClassSize: null, classes56To65: null, classes66Plus: 0 });
  });

  it('should accept a statistics file without any class-size column (all unknown)', async () => {
    const keep = IMPORT_COLUMNS.school_stats.filter((c) => c.required);
    const row = stat();
    const cells = keep.map((c) => String((row as Record<string, unknown>)[c.field]));
    const result = await validateImport(
      [
        { name: 'schools.csv', bytes: csvOf('schools', SCHOOLS) },
        { name: 'stats.csv', bytes: utf8(csvText([keep.map(templateHeader), cells]), true) },
      ],
      context(),
    );
    expect(result.errors).toEqual([]);
    expect(result.stats[0]).toMatchObject({ maxClassSize: null, classes56To65: null, maxClassSizePrimary: null });
  });

  it('should read per-stage class-size columns by their Chinese headers', async () => {
    const row = stat({
      schoolCode: B,
      studentsJunior: 380,
      classesJunior: 10,
      teachersJunior: 30,
      certifiedTeachers: 70,
      maxClassSize: 48,
      maxClassSizePrimary: 44,
      classes56To65Primary: 0,
      classes66PlusPrimary: 0,
      maxClassSizeJunior: 48,
      classes56To65Junior: 0,
      classes66PlusJunior: 0,
    });
    const result = await importStats([row], []);
    expect(result.errors).toEqual([]);
    expect(result.stats[0]).toEqual(row);
    expect(zhHeaders('school_stats')).toEqual(
      expect.arrayContaining(['小学最大班额', '初中大班额班数(56-65人)', '初中超大班额班数(66人及以上)']),
    );
  });
});
