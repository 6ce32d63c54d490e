import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { findSchools, findStats, UNRESTRICTED_ACCESS } from '@junheng/server';
import { SCHOOL_STAT_COLUMNS, type SchoolStatRow } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyExtractFiles, type ExtractOptions, templateFiles } from '../fixtures/county-extracts.ts';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * County extracts (issue #13): the demo county's 小学 workbooks and 初中 GB18030 CSVs of three years, with the
 * template files for what the extracts cannot give (their cells for the extract's fields blank), must store exactly
 * the numbers the template files alone store (imports.test.ts: the demo county's templates reproduce the demo). With
 * the county's 教学点 setting 'merge' the 不计校数 教学点 has no rows of its own and its parent's are the sum.
 */

const demo = generateDemoCounty();
const scope = { districtCode: demo.district.code, access: UNRESTRICTED_ACCESS };
const YEARS = [2023, 2024, 2025] as const;
const point = demo.schools.find((s) => s.schoolType === 'teaching_point' && s.parentSchoolCode !== null);
if (!point?.parentSchoolCode) throw new Error('the demo county has a teaching point with a parent');
const parentCode = point.parentSchoolCode;
const options: ExtractOptions = { years: YEARS, notCounted: [point.schoolCode] };

const key = (s: SchoolStatRow) => `${s.schoolCode}:${s.year}`;
const sortStats = (rows: readonly SchoolStatRow[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
const STAT_FIELDS = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode');

/** The parent's row with the teaching point's added, as the statistics count a 不计校数 教学点. */
function merged(parent: SchoolStatRow, tp: SchoolStatRow): SchoolStatRow {
  const out: Record<string, unknown> = { ...parent };
  for (const c of STAT_FIELDS) {
    const a = (parent as unknown as Record<string, number | null>)[c.field] ?? null;
    const b = (tp as unknown as Record<string, number | null>)[c.field] ?? null;
    out[c.field] =
      a === null || b === null
        ? null
        : c.field.startsWith('maxClassSize')
          ? Math.max(a, b)
          : Math.round((a + b) * 100) / 100;
  }
  return out as unknown as SchoolStatRow;
}

describe(`county extracts (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let extracts: Awaited<ReturnType<typeof countyExtractFiles>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
    extracts = await countyExtractFiles(demo, options);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const putSettings = (teachingPoints: 'merge' | 'keep') =>
    app.fetch(`${app.baseUrl}/api/v1/districts/${demo.district.code}/import-settings`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ teachingPoints, rotationEligibleYears: 6 }),
    });

  it('should merge the 不计校数 教学点 into its parent by default: the parent’s figures are the sum', async () => {
    const res = await postFiles(app, [...templateFiles(demo, options), ...extracts]);
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body.files.filter((f: { format?: string }) => f.format === 'county_extract')).toHaveLength(6);
    expect(res.body.files.find((f: { file: string }) => f.file.endsWith('初中基层报表.csv')).encoding).toBe('gb18030');
    const merges = res.body.warnings.filter((w: { message: string }) => w.message.includes('已并入所属学校'));
    expect(merges).toHaveLength(1);
    expect(merges[0].message).toContain(point.schoolCode);
    expect(merges[0].message).toContain(parentCode);
    expect(merges[0].message).toContain('2023、2024、2025');

    const stored = new Map((await findStats(database.db, scope)).map((s) => [key(s), s]));
    const demoStats = new Map(demo.stats.map((s) => [key(s), s]));
    for (const [k, expected] of demoStats) {
      const [code, yearText] = k.split(':');
      const year = Number(yearText);
      const extractYear = (YEARS as readonly number[]).includes(year);
      if (code === point.schoolCode && extractYear) expect(stored.has(k)).toBe(false);
      else if (code === parentCode && extractYear) {
        expect(stored.get(k)).toEqual(merged(expected, demoStats.get(`${point.schoolCode}:${year}`) as SchoolStatRow));
      } else expect(stored.get(k)).toEqual(expected);
    }
    expect(stored.size).toBe(demo.stats.length - YEARS.length);
  });

  it('should keep the 教学点 as a teaching point when the county says so: exactly the template numbers', async () => {
    const put = await putSettings('keep');
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ teachingPoints: 'keep', rotationEligibleYears: 6, saved: true });
    const res = await postFiles(app, [...templateFiles(demo, options), ...extracts]);
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    expect(sortStats(await findStats(database.db, scope))).toEqual(sortStats(demo.stats));
    const tp = (await findSchools(database.db, scope)).find((s) => s.schoolCode === point.schoolCode);
    expect(tp).toMatchObject({ schoolType: 'teaching_point', parentSchoolCode: parentCode });
  });

  it('should give the same numbers as the template files alone', async () => {
    // The template files with every cell filled, imported over the extracts' rows: nothing changes.
    const before = sortStats(await findStats(database.db, scope));
    const csv = datasetToCsvFiles(demo);
    const res = await postFiles(app, [{ name: 'school_stats.csv', bytes: csv['school_stats.csv'] }]);
    expect(res.body.errors).toEqual([]);
    expect(sortStats(await findStats(database.db, scope))).toEqual(before);
  });

  it('should ask for the parent when the extract has no parent column and the school has none', async () => {
    expect((await putSettings('merge')).status).toBe(200);
    const noParent = { ...options, parentColumn: false, years: [2025] };
    const schools = demo.schools.map((s) => (s.schoolCode === point.schoolCode ? { ...s, parentSchoolCode: null } : s));
    const templates = templateFiles({ ...demo, schools }, noParent).filter((f) => f.name !== 'rotations.csv');
    const res = await postFiles(app, [...templates, ...(await countyExtractFiles(demo, noParent))]);
    expect(res.status).toBe(422);
    const asks = res.body.errors.filter((e: { message: string }) => e.message.includes(point.schoolCode));
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ file: '2025年澄川县小学基层报表.xlsx', sheet: '小学基层表' });
    expect(asks[0].message).toContain('所属学校标识码');
    expect(asks[0].message).toContain('保留为教学点');
  });

  it('should report a value the 小学 and 初中 files give differently at its cell', async () => {
    const nine = demo.schools.find((s) => s.schoolType === 'nine_year');
    if (!nine) throw new Error('the demo county has a 九年一贯制 school');
    const one = { ...options, years: [2025] };
    const files = await countyExtractFiles(demo, one);
    const junior = files.find((f) => f.name.endsWith('.csv')) as { name: string; bytes: Uint8Array };
    // Another 图书 count for the nine-year school in the 初中 file only.
    const stat = demo.stats.find((s) => s.schoolCode === nine.schoolCode && s.year === 2025) as SchoolStatRow;
    const { default: iconv } = await import('iconv-lite');
    const text = iconv.decode(Buffer.from(junior.bytes), 'gb18030');
    const lines = text.split('\r\n');
    const at = lines.findIndex((l) => l.startsWith(nine.schoolCode));
    lines[at] = (lines[at] as string).replace(new RegExp(`,${stat.books}$`), `,${stat.books + 1}`);
    const edited = { name: junior.name, bytes: iconv.encode(lines.join('\r\n'), 'gb18030') };
    const res = await postFiles(app, [
      ...templateFiles(demo, one).filter((f) => f.name !== 'rotations.csv'),
      ...files.filter((f) => f !== junior),
      edited,
    ]);
    expect(res.status).toBe(422);
    const conflict = res.body.errors.find((e: { message: string }) => e.message.includes('不一致'));
    expect(conflict).toMatchObject({ file: junior.name, row: at + 1, value: String(stat.books + 1) });
    expect(conflict.cell).toMatch(new RegExp(`^[A-Z]+${at + 1}$`));
    expect(conflict.message).toContain('小学基层报表.xlsx');
  });
});
