import { loadDemoCountyIfEmpty } from '@junheng/server';
import {
  DecompositionResponseSchema,
  EquityResponseSchema,
  QUALITY_INDICATOR_KEYS,
  SchoolProfileResponseSchema,
  TeacherExchangeResponseSchema,
  TrendsResponseSchema,
  UrbanRuralResponseSchema,
} from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';
const YEAR = 2025;

/** RFC 4180 CSV (quoted fields, CRLF) into rows of fields; a leading BOM is dropped. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

/** The plain CSV (full precision) as header + records keyed by header. */
async function fetchCsv(
  app: RunningApp,
  url: string,
): Promise<{ header: string[]; records: Record<string, string>[] }> {
  // The plain CSV (no BOM) keeps full precision, so its cells equal the JSON; the Excel CSV shows the screen's decimals.
  const res = await app.fetch(`${url}&bom=false`);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const [header = [], ...rows] = parseCsv(await res.text());
  for (const row of rows) expect(row, url).toHaveLength(header.length);
  return { header, records: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']))) };
}

/** A CSV cell as the number the JSON holds (empty = null). */
const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

describe(`analysis API on the demo county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const district = () => `${app.baseUrl}/api/v1/districts/${DEMO}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    expect(res.status, url).toBe(200);
    return (await res.json()) as unknown;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer the urban–rural comparison with all three classes and every township', async () => {
    for (const stage of ['primary', 'junior']) {
      const sut = UrbanRuralResponseSchema.parse(
        await getJson(`${district()}/urban-rural?year=${YEAR}&stage=${stage}`),
      );
      expect(sut.groups.map((g) => g.locale)).toEqual(['urban', 'town', 'rural']);
      expect(sut.groups.reduce((s, g) => s + g.schools, 0)).toBe(sut.schoolsCounted);
      expect(sut.decomposition).toHaveLength(7);
      for (const row of sut.decomposition) {
        expect((row.withinShare ?? 0) + (row.betweenShare ?? 0)).toBeCloseTo(1, 9);
      }
      expect(sut.townships.groups.length).toBeGreaterThan(1);
      expect(sut.townships.groups.reduce((s, g) => s + g.students, 0)).toBe(sut.studentsCounted);
    }
  });

  it('should export each urban–rural table with the JSON rows', async () => {
    const url = `${district()}/urban-rural?year=${YEAR}&stage=primary`;
    const json = UrbanRuralResponseSchema.parse(await getJson(url));
    const groups = await fetchCsv(app, `${url}&format=csv`);
    expect(groups.records.map((r) => [r.城乡分类, num(r.学校数), num(r['在校生数(人)'])])).toEqual([
      ['城区', json.groups[0]?.schools, json.groups[0]?.students],
      ['镇区', json.groups[1]?.schools, json.groups[1]?.students],
      ['乡村', json.groups[2]?.schools, json.groups[2]?.students],
    ]);
    expect(num(groups.records[2]?.['生均教学仪器设备值(元)'])).toBe(json.groups[2]?.means.equipment_value_per_student);
    const ratios = await fetchCsv(app, `${url}&format=csv&table=ratios&lang=en`);
    expect(ratios.records.map((r) => [r.Key, num(r['Urban / rural'])])).toEqual(
      json.ratios.map((r) => [r.key, r.urbanToRural]),
    );
    const decomposition = await fetchCsv(app, `${url}&format=csv&table=decomposition`);
    expect(decomposition.records.map((r) => [r.指标键, num(r.组间占比)])).toEqual(
      json.decomposition.map((r) => [r.key, r.betweenShare]),
    );
    const townships = await fetchCsv(app, `${url}&format=csv&table=townships`);
    expect(townships.records.map((r) => [r.乡镇代码, num(r['在校生数(人)'])])).toEqual(
      json.townships.groups.map((g) => [g.townshipCode, g.students]),
    );
  });

  it('should decompose every indicator, with contributions summing to CV², and export them', async () => {
    for (const indicator of [...QUALITY_INDICATOR_KEYS, 'books_per_student']) {
      for (const by of ['locale', 'township', 'group']) {
        const sut = DecompositionResponseSchema.parse(
          await getJson(`${district()}/decomposition?year=${YEAR}&stage=junior&indicator=${indicator}&by=${by}`),
        );
        const total = sut.contributions.reduce((s, c) => s + c.contribution, 0);
        expect(total).toBeCloseTo(sut.cvSquared ?? Number.NaN, 12);
        expect((sut.within ?? 0) + (sut.between ?? 0)).toBeCloseTo(sut.cvSquared ?? Number.NaN, 12);
        expect(sut.contributions).toHaveLength(sut.schoolsCounted);
      }
    }
    const url = `${district()}/decomposition?year=${YEAR}&stage=primary&indicator=sports_area_per_student&by=township`;
    const json = DecompositionResponseSchema.parse(await getJson(url));
    const csv = await fetchCsv(app, `${url}&format=csv`);
    expect(csv.records.map((r) => [num(r.排名), r.学校标识码, num(r.累计占比)])).toEqual(
      json.contributions.map((c) => [c.rank, c.id, c.cumulativeShare]),
    );
    const groups = await fetchCsv(app, `${url}&format=csv&table=groups`);
    expect(groups.records.map((r) => [r.分组, num(r.学校数)])).toEqual(json.groups.map((g) => [g.label, g.units]));
  });

  it('should answer the equity measures for each grouping and export one row per indicator', async () => {
    for (const by of ['locale', 'township', 'group']) {
      const sut = EquityResponseSchema.parse(await getJson(`${district()}/equity?year=${YEAR}&stage=primary&by=${by}`));
      expect(sut.groupBy).toBe(by);
      for (const i of sut.indicators) {
        expect(i.gini).not.toBeNull();
        if (i.theil.value !== null) {
          expect((i.theil.between ?? 0) + (i.theil.within ?? 0)).toBeCloseTo(i.theil.value, 12);
        }
      }
    }
    const url = `${district()}/equity?year=${YEAR}&stage=junior`;
    const json = EquityResponseSchema.parse(await getJson(url));
    const csv = await fetchCsv(app, `${url}&format=csv&lang=en`);
    expect(csv.records.map((r) => [r.Key, num(r.Gini), num(r['Theil T']), num(r['McLoone index'])])).toEqual(
      json.indicators.map((i) => [i.key, i.gini, i.theil.value, i.mcloone]),
    );
  });

  it('should count the schools without a backbone teacher in Theil T (issue #9: 0·ln 0 = 0)', async () => {
    // The inspectors' recomputation of 2019 primary backbone over all 77 schools, 49 of them with 0: T = 0.39047
    // (quoted as 0.391 in the issue; 0.0716 when the 49 are dropped, as before the fix).
    const sut = EquityResponseSchema.parse(await getJson(`${district()}/equity?year=2019&stage=primary`));
    const backbone = sut.indicators.find((i) => i.key === 'backbone_teachers_per100');
    expect(backbone).toMatchObject({ n: 77, theil: { zeroValueUnits: 49, unitsUsed: 77 } });
    expect(backbone?.theil.value).toBeCloseTo(0.3905, 4);
  });

  it('should answer the teacher exchange of every year with its series', async () => {
    const first = TeacherExchangeResponseSchema.parse(await getJson(`${district()}/teacher-exchange?year=${YEAR}`));
    expect(first.series.map((s) => s.year)).toEqual(first.years);
    for (const year of first.years) {
      const sut = TeacherExchangeResponseSchema.parse(await getJson(`${district()}/teacher-exchange?year=${year}`));
      const entry = first.series.find((s) => s.year === year);
      expect(entry).toEqual({
        year,
        eligible: sut.eligible,
        rotated: sut.rotated,
        ratio: sut.ratio,
        ratioPasses: sut.ratioPasses,
        backboneRotated: sut.backboneRotated,
        backboneShare: sut.backboneShare,
        backbonePasses: sut.backbonePasses,
        netBackboneToRural: sut.rural.netBackbone,
      });
      expect(sut.rotated).toBeGreaterThan(0);
      expect(sut.schools.reduce((s, r) => s + r.out, 0)).toBeGreaterThanOrEqual(sut.rotated);
    }
    const levels = new Set(first.flows.map((f) => f.level));
    expect([...levels]).toEqual(['school', 'township', 'locale']);
  });

  it('should export every teacher-exchange table with the JSON rows', async () => {
    const url = `${district()}/teacher-exchange?year=${YEAR}`;
    const json = TeacherExchangeResponseSchema.parse(await getJson(url));
    const schools = await fetchCsv(app, `${url}&format=csv`);
    expect(schools.records.map((r) => [r.学校标识码, num(r['交流出校(人)']), num(r['交流入校(人)'])])).toEqual(
      json.schools.map((s) => [s.code, s.out, s.in]),
    );
    const flows = await fetchCsv(app, `${url}&format=csv&table=flows&lang=en`);
    expect(flows.records.map((r) => [r.From, r.To, num(r.Teachers)])).toEqual(
      json.flows.map((f) => [f.from, f.to, f.count]),
    );
    const effect = await fetchCsv(app, `${url}&format=csv&table=effect`);
    expect(effect.records.map((r) => [r.学校标识码, r.指标键, num(r.交流后)])).toEqual(
      json.effect.rows.map((e) => [e.code, e.key, e.after]),
    );
    const years = await fetchCsv(app, `${url}&format=csv&table=years`);
    expect(years.records.map((r) => [num(r.年度), num(r.交流比例)])).toEqual(json.series.map((s) => [s.year, s.ratio]));
  });

  it('should answer the trend of every year and export it', async () => {
    const url = `${district()}/trends?stage=junior&indicator=multimedia_rooms_per100`;
    const json = TrendsResponseSchema.parse(await getJson(url));
    expect(json.rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(json).toMatchObject({ from: 2019, to: 2025, threshold: 2.4, cvLimit: 0.45 });
    const csv = await fetchCsv(app, `${url}&format=csv`);
    expect(csv.records.map((r) => [num(r.年度), num(r.差异系数), num(r['乡村均值(间)']), num(r.达标学校数)])).toEqual(
      json.rows.map((r) => [r.year, r.cv, r.means.rural, r.schoolsMeeting]),
    );
    // The trend's 2025 numbers are the balance report's.
    const balance = (await getJson(`${district()}/balance?year=2025&stage=junior`)) as {
      indicators: { key: string; cv: number; mean: number; schoolsMeeting: number }[];
    };
    const last = json.rows.at(-1);
    const official = balance.indicators.find((i) => i.key === 'multimedia_rooms_per100');
    expect([last?.cv, last?.mean, last?.schoolsMeeting]).toEqual([
      official?.cv,
      official?.mean,
      official?.schoolsMeeting,
    ]);
  });

  it('should answer a school profile for a multi-year school and export it', async () => {
    const exchange = TeacherExchangeResponseSchema.parse(await getJson(`${district()}/teacher-exchange?year=${YEAR}`));
    const busiest = [...exchange.schools].sort((a, b) => b.out + b.in - (a.out + a.in))[0];
    const url = `${app.baseUrl}/api/v1/schools/${busiest?.code}`;
    const json = SchoolProfileResponseSchema.parse(await getJson(url));
    expect(json.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(json.parts.length).toBeGreaterThanOrEqual(7);
    for (const part of json.parts) expect(part.indicators).toHaveLength(7);
    const thisYear = json.rotations.find((r) => r.year === YEAR);
    expect([thisYear?.out, thisYear?.in]).toEqual([busiest?.out, busiest?.in]);
    const csv = await fetchCsv(app, `${url}?format=csv`);
    const rows = json.parts.flatMap((p) => p.indicators.map((i) => [p.year, i.key, i.value, i.countyMean, i.rank]));
    expect(
      csv.records.map((r) => [num(r.年度), r.指标键, num(r.本校值), num(r.全县加权平均值), num(r.全县排名)]),
    ).toEqual(rows);
  });

  it('should rank a school in its profile as the rankings endpoint does', async () => {
    const ranking = (await getJson(
      `${district()}/rankings?year=${YEAR}&stage=primary&indicator=equipment_value_per_student`,
    )) as { rows: { code: string; rank: number; value: number }[] };
    for (const row of ranking.rows.slice(0, 3)) {
      const profile = SchoolProfileResponseSchema.parse(await getJson(`${app.baseUrl}/api/v1/schools/${row.code}`));
      const part = profile.parts.find((p) => p.year === YEAR && p.stage === 'primary');
      const indicator = part?.indicators.find((i) => i.key === 'equipment_value_per_student');
      expect([indicator?.rank, indicator?.value, indicator?.n]).toEqual([row.rank, row.value, ranking.rows.length]);
    }
  });

  it('should download XLSX files with a frozen header and a 说明 sheet', async () => {
    const exchange = TeacherExchangeResponseSchema.parse(await getJson(`${district()}/teacher-exchange?year=${YEAR}`));
    for (const [path, firstHeader, rows] of [
      [`districts/${DEMO}/urban-rural?year=${YEAR}&stage=primary`, '城乡分类', 3],
      [`districts/${DEMO}/equity?year=${YEAR}&stage=primary`, '指标键', 7],
      [`districts/${DEMO}/teacher-exchange?year=${YEAR}&table=years`, '年度', 7],
      [`districts/${DEMO}/trends?stage=primary&indicator=books_per_student`, '年度', 7],
      [`schools/${exchange.schools[0]?.code}`, '年度', null],
    ] as const) {
      const res = await app.fetch(`${app.baseUrl}/api/v1/${path}${path.includes('?') ? '&' : '?'}format=xlsx`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [data, about] = workbook.worksheets;
      expect(data?.views[0], path).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data?.getRow(1).getCell(1).value, path).toBe(firstHeader);
      if (rows !== null) expect(data?.rowCount, path).toBe(1 + rows);
      expect(about?.name, path).toBe('说明');
      const aboutText = JSON.stringify(about?.getSheetValues());
      expect(aboutText, path).toContain('澄川县');
      expect(aboutText, path).toContain('生成时间');
    }
  });
});
