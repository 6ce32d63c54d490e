import { applyDataset } from '@junheng/server';
import type { RotationRow, SchoolRow, SchoolStatRow } from '@junheng/shared';
import {
  DecompositionResponseSchema,
  EquityResponseSchema,
  emptySchoolStat,
  SchoolProfileResponseSchema,
  TeacherExchangeResponseSchema,
  TrendsResponseSchema,
  UrbanRuralResponseSchema,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * A hand-computed county (120999 河湾县) for the analysis endpoints: four counted primary schools in two townships
 * and three urban–rural classes, one special-education school (excluded), 2023 and 2024, and five rotations.
 *
 * | school | township  | class | students | higher-degree 2023 / 2024 | teachers | backbone | eligible | room ㎡ |
 * | U1     | 120999001 | urban | 200      | 10 / 12 → 5.0 / 6.0       | 14       | 3        | 20       | 1000    |
 * | U2     | 120999001 | urban | 100      |  5 /  5 → 5.0 / 5.0       |  7       | 1        | 10       |  600    |
 * | T1     | 120999101 | town  | 100      |  3 /  4 → 3.0 / 4.0       |  7       | 1        |  5       |  500    |
 * | R1     | 120999101 | rural | 100      |  2 /  2 → 2.0 / 2.0       |  6       | 0        |  5       |  400    |
 * | SP     | 120999001 | urban |  30 (special-education school: not counted)                                    |
 *
 * 2024 higher-degree teachers per 100 students, P = 500:
 *   X̄ = (1200 + 500 + 400 + 200) / 500 = 4.6; deviations 1.4, 0.4, −0.6, −2.6
 *   S² = 0.4·1.96 + 0.2·0.16 + 0.2·0.36 + 0.2·6.76 = 0.784 + 0.032 + 0.072 + 1.352 = 2.24; CV = √2.24 / 4.6 = 0.3253615
 *   by locale: urban X̄ = 1700/300 = 5.6667 (S² = 2/9), town 4, rural 2
 *     between = 0.6·(5.6667 − 4.6)² + 0.2·0.36 + 0.2·6.76 = 0.682667 + 0.072 + 1.352 = 2.106667 → share 79/84
 *     within  = 0.6·2/9 = 0.133333 → share 5/84
 *   by township: 001 = {U1, U2} (X̄ 5.6667, S² 2/9), 101 = {T1, R1} (X̄ 3, S² 1)
 *     between = 0.6·1.137778 + 0.4·2.56 = 1.706667 → share 16/21; within = 0.133333 + 0.4 = 0.533333 → share 5/21
 *   contributions (share of S²): R1 1.352/2.24 = 0.6035714, U1 0.35, T1 0.0321429, U2 0.0142857
 *   Gini = ΣΣ PᵢPⱼ|Xᵢ−Xⱼ| / (2 P² X̄) = 2·200 000 / (2·250 000·4.6) = 4/23; weighted median 5, McLoone = 600 / (5·200) = 0.6
 * 2023: X̄ = 2000/500 = 4; S² = 0.4 + 0.2 + 0.2 + 0.8 = 1.6; CV = √0.1; urban 5, town 3, rural 2
 * Teaching room area per student 2024: urban 1600/300 = 5.3333, town 5, rural 4 → urban / rural = 1.3333
 *
 * Rotations 2024: FX01 U1→R1 (backbone), FX02 U1→T1, FX03 U2→R1, FX04 R1→U1; 2023: FX05 U1→R1.
 *   2024: eligible 40, rotated 4, ratio 0.1 (passes), backbone 1, share 0.25 (passes)
 *   2023: eligible 40, rotated 1, ratio 0.025, backbone share 0 (both fail)
 */
const DISTRICT = { code: '120999', name: '河湾县' };
const TOWNSHIPS = { '120999001': '城东街道', '120999101': '河口镇' } as const;

const school = (
  code: string,
  name: string,
  township: keyof typeof TOWNSHIPS,
  urbanRuralCode: SchoolRow['urbanRuralCode'],
  extra: Partial<SchoolRow> = {},
): SchoolRow => ({
  schoolCode: code,
  schoolName: name,
  districtCode: DISTRICT.code,
  districtName: DISTRICT.name,
  townshipCode: township,
  townshipName: TOWNSHIPS[township],
  urbanRuralCode,
  schoolType: 'primary',
  ownership: 'public',
  boarding: false,
  parentSchoolCode: null,
  groupName: null,
  ...extra,
});

const SCHOOLS: SchoolRow[] = [
  school('U1', '城东第一小学', '120999001', '111', { groupName: '城东教育集团' }),
  school('U2', '城东第二小学', '120999001', '112', { groupName: '城东教育集团' }),
  school('T1', '河口镇中心小学', '120999101', '121'),
  school('R1', '河口镇石桥村小学', '120999101', '220'),
  school('SP', '河湾县特殊教育学校', '120999001', '111', { schoolType: 'special' }),
];

const stat = (
  code: string,
  year: number,
  v: { students: number; teachers: number; higher: number; backbone: number; eligible: number; room: number },
): SchoolStatRow => ({
  ...emptySchoolStat(code, year),
  studentsPrimary: v.students,
  classesPrimary: Math.ceil(v.students / 40),
  teachersPrimary: v.teachers,
  higherDegreeTeachersPrimary: v.higher,
  backboneTeachersPrimary: v.backbone,
  peArtTeachersPrimary: Math.ceil(v.students / 100),
  certifiedTeachers: v.teachers,
  rotationEligibleTeachers: v.eligible,
  teachingRoomArea: v.room,
  sportsArea: v.students * 8,
  equipmentValue: v.students * 2500,
  multimediaRooms: Math.ceil(v.students / 40),
  books: v.students * 30,
  computers: Math.ceil(v.students / 10),
  maxClassSize: 40,
});

const STATS: SchoolStatRow[] = [2023, 2024].flatMap((year) => [
  stat('U1', year, {
    students: 200,
    teachers: 14,
    higher: year === 2024 ? 12 : 10,
    backbone: 3,
    eligible: 20,
    room: 1000,
  }),
  stat('U2', year, { students: 100, teachers: 7, higher: 5, backbone: 1, eligible: 10, room: 600 }),
  stat('T1', year, { students: 100, teachers: 7, higher: year === 2024 ? 4 : 3, backbone: 1, eligible: 5, room: 500 }),
  stat('R1', year, { students: 100, teachers: 6, higher: 2, backbone: 0, eligible: 5, room: 400 }),
  stat('SP', year, { students: 30, teachers: 8, higher: 8, backbone: 0, eligible: 0, room: 300 }),
]);

const rotation = (year: number, teacherRef: string, from: string, to: string, backbone = false): RotationRow => ({
  year,
  teacherRef,
  fromSchoolCode: from,
  toSchoolCode: to,
  backbone,
  months: 12,
});

const ROTATIONS: RotationRow[] = [
  rotation(2024, 'FX01', 'U1', 'R1', true),
  rotation(2024, 'FX02', 'U1', 'T1'),
  rotation(2024, 'FX03', 'U2', 'R1'),
  rotation(2024, 'FX04', 'R1', 'U1'),
  rotation(2023, 'FX05', 'U1', 'R1'),
];

const HIGHER = 'higher_degree_teachers_per100';

describe(`analysis API on a hand-computed county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const district = () => `${app.baseUrl}/api/v1/districts/${DISTRICT.code}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    // biome-ignore lint/suspicious/noExplicitAny: error bodies are read field by field; success bodies are parsed with the schemas.
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: SCHOOLS, stats: STATS, rotations: ROTATIONS },
          { source: 'cli', files: [], warnings: 0 },
        ),
      );
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe('urban-rural', () => {
    it('should give the schools, students and weighted means of each urban–rural class', async () => {
      const { status, body } = await getJson(`${district()}/urban-rural?year=2024&stage=primary`);
      expect(status).toBe(200);
      const sut = UrbanRuralResponseSchema.parse(body);
      expect(sut.district).toEqual(DISTRICT);
      expect(sut.years).toEqual([2023, 2024]);
      expect(sut.schoolsCounted).toBe(4);
      expect(sut.studentsCounted).toBe(500);
      expect(sut.excluded.map((e) => [e.code, e.reason])).toEqual([['SP', 'special']]);
      expect(sut.groups.map((g) => [g.locale, g.schools, g.students])).toEqual([
        ['urban', 2, 300],
        ['town', 1, 100],
        ['rural', 1, 100],
      ]);
      const [urban, town, rural] = sut.groups;
      expect(urban?.means[HIGHER]).toBeCloseTo(17 / 3, 12);
      expect(town?.means[HIGHER]).toBeCloseTo(4, 12);
      expect(rural?.means[HIGHER]).toBeCloseTo(2, 12);
      expect(urban?.means.teaching_room_area_per_student).toBeCloseTo(16 / 3, 12);
      const room = sut.ratios.find((r) => r.key === 'teaching_room_area_per_student');
      expect(room?.urbanToRural).toBeCloseTo(4 / 3, 12);
      expect(room?.townToRural).toBeCloseTo(1.25, 12);
      expect(sut.ratios.find((r) => r.key === HIGHER)?.urbanToRural).toBeCloseTo(17 / 6, 12);
    });

    it('should split the CV into within and between urban–rural classes, and by township', async () => {
      const sut = UrbanRuralResponseSchema.parse(
        (await getJson(`${district()}/urban-rural?year=2024&stage=primary`)).body,
      );
      const higher = sut.decomposition.find((d) => d.key === HIGHER);
      expect(higher?.cv).toBeCloseTo(Math.sqrt(2.24) / 4.6, 12);
      expect(higher?.betweenShare).toBeCloseTo(79 / 84, 12);
      expect(higher?.withinShare).toBeCloseTo(5 / 84, 12);
      expect(sut.townships.groups.map((g) => [g.townshipCode, g.townshipName, g.schools, g.students])).toEqual([
        ['120999001', '城东街道', 2, 300],
        ['120999101', '河口镇', 2, 200],
      ]);
      expect(sut.townships.groups[1]?.means[HIGHER]).toBeCloseTo(3, 12);
      const byTownship = sut.townships.decomposition.find((d) => d.key === HIGHER);
      expect(byTownship?.betweenShare).toBeCloseTo(16 / 21, 12);
      expect(byTownship?.withinShare).toBeCloseTo(5 / 21, 12);
    });

    it('should restrict everything to the township filter', async () => {
      const sut = UrbanRuralResponseSchema.parse(
        (await getJson(`${district()}/urban-rural?year=2024&stage=primary&township=120999101`)).body,
      );
      expect(sut.filters.townships).toEqual([{ code: '120999101', name: '河口镇' }]);
      expect(sut.townshipCodes).toEqual(['120999101']);
      expect(sut.groups.map((g) => g.schools)).toEqual([0, 1, 1]);
      expect(sut.groups[0]?.means[HIGHER]).toBeNull();
      expect(sut.ratios.find((r) => r.key === HIGHER)?.urbanToRural).toBeNull();
    });

    it('should export one row per urban–rural class with the means', async () => {
      const text = await (
        await app.fetch(`${district()}/urban-rural?year=2024&stage=primary&format=csv&bom=false`)
      ).text();
      const [header, ...rows] = text.split('\r\n').filter((line) => line.length > 0);
      expect(header?.split(',').slice(0, 3)).toEqual(['城乡分类', '学校数', '在校生数(人)']);
      expect(rows.map((r) => r.split(',').slice(0, 3))).toEqual([
        ['城区', '2', '300'],
        ['镇区', '1', '100'],
        ['乡村', '1', '100'],
      ]);
      expect(Number(rows[0]?.split(',')[3])).toBeCloseTo(17 / 3, 12);
    });
  });

  describe('decomposition', () => {
    it('should rank the schools by their contribution to CV² with cumulative shares', async () => {
      const { status, body } = await getJson(
        `${district()}/decomposition?year=2024&stage=primary&indicator=${HIGHER}&by=locale`,
      );
      expect(status).toBe(200);
      const sut = DecompositionResponseSchema.parse(body);
      expect(sut).toMatchObject({ key: HIGHER, groupBy: 'locale', threshold: 4.2, cvLimit: 0.5 });
      expect(sut.cv).toBeCloseTo(0.3253615, 7);
      expect(sut.cvSquared).toBeCloseTo(2.24 / 21.16, 12);
      expect(sut.betweenShare).toBeCloseTo(79 / 84, 12);
      expect(sut.groups.map((g) => [g.group, g.units, g.students, g.weightShare])).toEqual([
        ['rural', 1, 100, 0.2],
        ['town', 1, 100, 0.2],
        ['urban', 2, 300, 0.6],
      ]);
      expect(sut.groups.find((g) => g.group === 'urban')?.sd).toBeCloseTo(Math.sqrt(2 / 9), 12);
      expect(sut.contributions.map((c) => [c.rank, c.id])).toEqual([
        [1, 'R1'],
        [2, 'U1'],
        [3, 'T1'],
        [4, 'U2'],
      ]);
      const expectedShares = [1.352, 0.784, 0.072, 0.032].map((v) => v / 2.24);
      sut.contributions.forEach((c, i) => {
        expect(c.share).toBeCloseTo(expectedShares[i] ?? Number.NaN, 12);
      });
      expect(sut.contributions.map((c) => c.cumulativeShare)).toEqual([
        expect.closeTo(0.6035714, 7),
        expect.closeTo(0.9535714, 7),
        expect.closeTo(0.9857143, 7),
        expect.closeTo(1, 12),
      ]);
    });

    it('should group by township and by school group', async () => {
      const township = DecompositionResponseSchema.parse(
        (await getJson(`${district()}/decomposition?year=2024&stage=primary&indicator=${HIGHER}&by=township`)).body,
      );
      expect(township.betweenShare).toBeCloseTo(16 / 21, 12);
      expect(township.groups.map((g) => g.label)).toEqual(['城东街道', '河口镇']);
      const group = DecompositionResponseSchema.parse(
        (await getJson(`${district()}/decomposition?year=2024&stage=primary&indicator=${HIGHER}&by=group`)).body,
      );
      // 城东教育集团 = {U1, U2}; T1 and R1 have no group: {T1, R1} — the same split as by township.
      expect(group.groups.map((g) => g.label)).toEqual(['未分组', '城东教育集团']);
      expect(group.betweenShare).toBeCloseTo(16 / 21, 12);
    });

    it('should export the contributions table ranked as in the JSON', async () => {
      const text = await (
        await app.fetch(`${district()}/decomposition?year=2024&stage=primary&indicator=${HIGHER}&format=csv&bom=false`)
      ).text();
      const [header, ...rows] = text.split('\r\n').filter((line) => line.length > 0);
      expect(header?.split(',').slice(0, 4)).toEqual(['排名', '学校标识码', '学校名称', '分组']);
      expect(rows.map((r) => r.split(',').slice(0, 4))).toEqual([
        ['1', 'R1', '河口镇石桥村小学', '乡村'],
        ['2', 'U1', '城东第一小学', '城区'],
        ['3', 'T1', '河口镇中心小学', '镇区'],
        ['4', 'U2', '城东第二小学', '城区'],
      ]);
    });
  });

  describe('equity', () => {
    it('should compute Gini, McLoone and the range ratios per indicator', async () => {
      const { status, body } = await getJson(`${district()}/equity?year=2024&stage=primary`);
      expect(status).toBe(200);
      const sut = EquityResponseSchema.parse(body);
      expect(sut.groupBy).toBe('locale');
      expect(sut.indicators).toHaveLength(7);
      const higher = sut.indicators.find((i) => i.key === HIGHER);
      expect(higher?.gini).toBeCloseTo(4 / 23, 12);
      expect(higher?.median).toBe(5);
      expect(higher?.mcloone).toBeCloseTo(0.6, 12);
      expect(higher).toMatchObject({ n: 4, min: 2, max: 6, range: 4, rangeRatio: 3 });
      expect(higher?.theil.zeroValueUnits).toBe(0);
      const backbone = sut.indicators.find((i) => i.key === 'backbone_teachers_per100');
      // R1 has no backbone teacher: counted in Theil (0·ln 0 = 0), and said so.
      expect(backbone?.theil.zeroValueUnits).toBe(1);
      expect(backbone?.theil.unitsUsed).toBe(4);
    });
  });

  describe('teacher-exchange', () => {
    it('should give the ratio, the backbone share and their verdicts', async () => {
      const { status, body } = await getJson(`${district()}/teacher-exchange?year=2024`);
      expect(status).toBe(200);
      const sut = TeacherExchangeResponseSchema.parse(body);
      expect(sut).toMatchObject({
        year: 2024,
        eligible: 40,
        rotated: 4,
        ratio: 0.1,
        ratioPasses: true,
        backboneRotated: 1,
        backboneShare: 0.25,
        backbonePasses: true,
        rural: { teachersIn: 2, teachersOut: 1, netTeachers: 1, backboneIn: 1, backboneOut: 0, netBackbone: 1 },
      });
    });

    it('should give the flows by school, township and urban–rural class', async () => {
      const sut = TeacherExchangeResponseSchema.parse((await getJson(`${district()}/teacher-exchange?year=2024`)).body);
      const flows = (level: string) =>
        sut.flows.filter((f) => f.level === level).map((f) => [f.from, f.to, f.count, f.backbone]);
      expect(flows('township')).toEqual([
        ['120999001', '120999101', 3, 1],
        ['120999101', '120999001', 1, 0],
      ]);
      expect(flows('locale')).toEqual([
        ['urban', 'rural', 2, 1],
        ['rural', 'urban', 1, 0],
        ['urban', 'town', 1, 0],
      ]);
      expect(flows('school')).toHaveLength(4);
      expect(sut.schools.map((s) => [s.code, s.eligible, s.out, s.in, s.backboneOut, s.backboneIn])).toEqual([
        ['R1', 5, 1, 2, 0, 1],
        ['SP', 0, 0, 0, 0, 0],
        ['T1', 5, 0, 1, 0, 0],
        ['U1', 20, 2, 1, 1, 0],
        ['U2', 10, 1, 0, 0, 0],
      ]);
    });

    it('should show the effect of the moves on teachers per 100 students', async () => {
      const sut = TeacherExchangeResponseSchema.parse((await getJson(`${district()}/teacher-exchange?year=2024`)).body);
      const effect = (code: string, key: string) => sut.effect.rows.find((r) => r.code === code && r.key === key);
      // U1: 14 − 2 + 1 = 13 teachers, 3 − 1 = 2 backbone, 200 students; R1: 6 − 1 + 2 = 7 teachers, 0 + 1 backbone.
      expect(effect('U1', 'teachers_per100')).toMatchObject({ before: 7, after: 6.5, delta: -0.5 });
      expect(effect('U1', 'backbone_teachers_per100')).toMatchObject({ before: 1.5, after: 1 });
      expect(effect('R1', 'teachers_per100')).toMatchObject({ before: 6, after: 7 });
      expect(effect('R1', 'backbone_teachers_per100')).toMatchObject({ before: 0, after: 1 });
      expect(effect('T1', 'backbone_teachers_per100')).toBeUndefined();
    });

    it('should give the series of every year with data', async () => {
      const sut = TeacherExchangeResponseSchema.parse((await getJson(`${district()}/teacher-exchange?year=2024`)).body);
      expect(sut.series).toEqual([
        {
          year: 2023,
          eligible: 40,
          rotated: 1,
          ratio: 0.025,
          ratioPasses: false,
          backboneRotated: 0,
          backboneShare: 0,
          backbonePasses: false,
          netBackboneToRural: 0,
        },
        {
          year: 2024,
          eligible: 40,
          rotated: 4,
          ratio: 0.1,
          ratioPasses: true,
          backboneRotated: 1,
          backboneShare: 0.25,
          backbonePasses: true,
          netBackboneToRural: 1,
        },
      ]);
      const older = TeacherExchangeResponseSchema.parse(
        (await getJson(`${district()}/teacher-exchange?year=2023`)).body,
      );
      expect(older).toMatchObject({ year: 2023, rotated: 1, ratio: 0.025 });
      expect(older.series).toEqual(sut.series);
    });

    it('should treat the filter as the county: moves to schools outside it come from or go outside', async () => {
      const sut = TeacherExchangeResponseSchema.parse(
        (await getJson(`${district()}/teacher-exchange?year=2024&township=120999001`)).body,
      );
      // U1, U2 and SP: eligible 30; FX01, FX02, FX03 leave them; FX04 arrives from 河口镇, outside the selection.
      expect(sut).toMatchObject({ eligible: 30, rotated: 3, ratio: 0.1, rotatedInFromOutside: 1 });
    });

    it('should export the per-school, flow and year tables', async () => {
      const csv = async (table: string) =>
        (await (await app.fetch(`${district()}/teacher-exchange?year=2024&format=csv&bom=false&table=${table}`)).text())
          .split('\r\n')
          .filter((line) => line.length > 0);
      const schools = await csv('schools');
      expect(schools).toHaveLength(1 + 5);
      expect(schools[4]).toBe('U1,城东第一小学,城东街道,城区,20,2,1,1,0');
      const years = await csv('years');
      expect(years.slice(1)).toEqual(['2023,40,1,0.025,否,0,0,否,0', '2024,40,4,0.1,是,1,0.25,是,1']);
      const flows = await csv('flows');
      expect(flows).toHaveLength(1 + 4 + 2 + 3);
    });
  });

  describe('trends', () => {
    it('should give the CV, the mean and the urban–rural means per year', async () => {
      const { status, body } = await getJson(`${district()}/trends?stage=primary&indicator=${HIGHER}`);
      expect(status).toBe(200);
      const sut = TrendsResponseSchema.parse(body);
      expect(sut).toMatchObject({ from: 2023, to: 2024, threshold: 4.2, cvLimit: 0.5 });
      expect(sut.rows.map((r) => [r.year, r.schoolsCounted, r.schoolsMeeting, r.cvLimit, r.threshold])).toEqual([
        [2023, 4, 2, 0.5, 4.2],
        [2024, 4, 2, 0.5, 4.2],
      ]);
      const [y2023, y2024] = sut.rows;
      expect(y2023?.mean).toBeCloseTo(4, 12);
      expect(y2023?.cv).toBeCloseTo(Math.sqrt(0.1), 12);
      expect(y2023?.means).toEqual({ urban: 5, town: 3, rural: 2 });
      expect(y2024?.mean).toBeCloseTo(4.6, 12);
      expect(y2024?.cv).toBeCloseTo(Math.sqrt(2.24) / 4.6, 12);
      expect(y2024?.means.urban).toBeCloseTo(17 / 3, 12);
      expect(y2024?.urbanToRural).toBeCloseTo(17 / 6, 12);
    });

    it('should limit the years to the range and export one row per year', async () => {
      const sut = TrendsResponseSchema.parse(
        (await getJson(`${district()}/trends?stage=primary&indicator=${HIGHER}&from=2024&to=2030`)).body,
      );
      expect(sut.rows.map((r) => r.year)).toEqual([2024]);
      const res = await app.fetch(`${district()}/trends?stage=primary&indicator=${HIGHER}&format=csv&bom=false`);
      const disposition = decodeURIComponent(res.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '');
      expect(disposition).toBe(
        '河湾县_2023-2024_小学_每百名学生拥有高于规定学历教师数_走势-每百名学生拥有高于规定学历教师数_完整精度.csv',
      );
      const lines = (await res.text()).split('\r\n').filter((line) => line.length > 0);
      expect(lines).toHaveLength(1 + 2);
      expect(lines[1]?.startsWith('2023,4,500,4,')).toBe(true);
    });

    it('should answer for 2012-only indicators without threshold or limit', async () => {
      const sut = TrendsResponseSchema.parse(
        (await getJson(`${district()}/trends?stage=primary&indicator=books_per_student`)).body,
      );
      expect(sut.rows[0]).toMatchObject({ mean: 30, cv: 0, threshold: null, cvLimit: null, schoolsMeeting: null });
    });
  });

  describe('school profile', () => {
    it('should give every indicator by year with the county mean, threshold, verdict and rank', async () => {
      const { status, body } = await getJson(`${app.baseUrl}/api/v1/schools/U1`);
      expect(status).toBe(200);
      const sut = SchoolProfileResponseSchema.parse(body);
      expect(sut.school).toMatchObject({
        code: 'U1',
        name: '城东第一小学',
        schoolType: 'primary',
        townshipName: '城东街道',
        locale: 'urban',
        ownership: 'public',
        groupName: '城东教育集团',
      });
      expect(sut.district).toEqual(DISTRICT);
      expect(sut.years).toEqual([2023, 2024]);
      expect(sut.stages).toEqual(['primary']);
      expect(sut.parts.map((p) => [p.year, p.stage, p.students, p.counted, p.metCount, p.passes])).toEqual([
        [2023, 'primary', 200, true, 7, true],
        [2024, 'primary', 200, true, 7, true],
      ]);
      const higher = sut.parts[1]?.indicators.find((i) => i.key === HIGHER);
      expect(higher).toMatchObject({ value: 6, threshold: 4.2, met: true, rank: 1, n: 4 });
      expect(higher?.countyMean).toBeCloseTo(4.6, 12);
      expect(sut.rotations).toEqual([
        { year: 2023, eligible: 20, out: 1, in: 0, backboneOut: 0, backboneIn: 0 },
        { year: 2024, eligible: 20, out: 2, in: 1, backboneOut: 1, backboneIn: 0 },
      ]);
      expect(sut.flows.filter((f) => f.year === 2024).map((f) => [f.from, f.to, f.count])).toEqual([
        ['R1', 'U1', 1],
        ['U1', 'R1', 1],
        ['U1', 'T1', 1],
      ]);
    });

    it('should rank a weak school last and show an excluded school without a rank', async () => {
      const r1 = SchoolProfileResponseSchema.parse((await getJson(`${app.baseUrl}/api/v1/schools/R1`)).body);
      const part = r1.parts.find((p) => p.year === 2024);
      expect(part).toMatchObject({ counted: true, passes: false, metCount: 4 });
      expect(part?.missed).toEqual([HIGHER, 'backbone_teachers_per100', 'teaching_room_area_per_student']);
      expect(part?.indicators.find((i) => i.key === HIGHER)).toMatchObject({ value: 2, met: false, rank: 4, n: 4 });
      const special = SchoolProfileResponseSchema.parse((await getJson(`${app.baseUrl}/api/v1/schools/SP`)).body);
      expect(special.parts[0]).toMatchObject({ counted: false, exclusionReason: 'special', students: 30 });
      const value = special.parts[0]?.indicators.find((i) => i.key === HIGHER);
      expect(value).toMatchObject({ rank: null, n: 4 });
      expect(value?.value).toBeCloseTo(80 / 3, 12);
    });

    it('should export one row per year, stage and indicator', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/schools/U1?format=csv&bom=false`);
      expect(res.status).toBe(200);
      const lines = (await res.text()).split('\r\n').filter((line) => line.length > 0);
      expect(lines).toHaveLength(1 + 2 * 7);
      expect(lines[0]?.split(',').slice(0, 6)).toEqual([
        '年度',
        '学段',
        '在校生数(人)',
        '参与差异系数计算',
        '指标键',
        '指标',
      ]);
      expect(lines[8]?.split(',').slice(0, 5)).toEqual(['2024', '小学', '200', '是', HIGHER]);
    });
  });

  describe('errors', () => {
    const endpoints = [
      'urban-rural?year=2024&stage=primary',
      `decomposition?year=2024&stage=primary&indicator=${HIGHER}`,
      'equity?year=2024&stage=primary',
      'teacher-exchange?year=2024',
      `trends?stage=primary&indicator=${HIGHER}`,
    ];

    it('should answer 404 DistrictNotFound for an unknown district on every endpoint', async () => {
      for (const path of endpoints) {
        const { status, body } = await getJson(`${app.baseUrl}/api/v1/districts/999999/${path}`);
        expect(status, path).toBe(404);
        expect(body.error.code, path).toBe('DistrictNotFound');
      }
    });

    it('should answer 404 YearNotFound listing the years for a year or range without data', async () => {
      for (const path of [...endpoints.slice(0, 4).map((p) => p.replace('2024', '2019')), `${endpoints[4]}&to=2020`]) {
        const { status, body } = await getJson(`${district()}/${path}`);
        expect(status, path).toBe(404);
        expect(body.error, path).toMatchObject({ code: 'YearNotFound', details: { availableYears: [2023, 2024] } });
      }
    });

    it('should answer 400 ValidationFailed naming the bad parameter', async () => {
      for (const [path, field] of [
        ['urban-rural?year=2024&stage=senior', 'stage'],
        ['urban-rural?year=2024&stage=primary&township=12', 'township'],
        ['urban-rural?year=2024&stage=primary&table=schools', 'table'],
        ['decomposition?year=2024&stage=primary&indicator=nonsense', 'indicator'],
        ['decomposition?year=2024&stage=primary', 'indicator'],
        [`decomposition?year=2024&stage=primary&indicator=${HIGHER}&by=county`, 'by'],
        ['equity?year=20x4&stage=primary', 'year'],
        ['teacher-exchange', 'year'],
        ['teacher-exchange?year=2024&locale=city', 'locale'],
        [`trends?stage=primary&indicator=${HIGHER}&from=2024&to=2023`, 'from'],
        ['trends?stage=primary&indicator=nonsense', 'indicator'],
        [`trends?stage=primary&indicator=${HIGHER}&format=pdf`, 'format'],
      ] as const) {
        const { status, body } = await getJson(`${district()}/${path}`);
        expect(status, path).toBe(400);
        expect(body.error.code, path).toBe('ValidationFailed');
        expect(
          body.error.details.fields.map((f: { field: string }) => f.field.split('.')[0]),
          path,
        ).toContain(field);
      }
    });

    it('should answer 404 SchoolNotFound for an unknown school and 400 for a bad export format', async () => {
      const missing = await getJson(`${app.baseUrl}/api/v1/schools/NOPE`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('SchoolNotFound');
      const bad = await getJson(`${app.baseUrl}/api/v1/schools/U1?format=pdf`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields[0].field).toBe('format');
    });
  });
});
