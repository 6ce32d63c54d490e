import type { Database } from '@junheng/db';
import {
  type AccessScope,
  QUALITY_INDICATOR_KEYS,
  QUALITY_NEAR_MISS_RATIO,
  STAGE_WEIGHTS,
  type Stage,
  TEACHING_POINT_MIN_STUDENTS,
} from '@junheng/shared';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { inAccessScope, isRestricted } from '../db-helpers.ts';
import {
  findLowestMeetingValue,
  findQualityThreshold,
  INDICATOR_FORMULAS,
  type QualitySummarySums,
  type UnitResourceField,
} from '../engine/index.ts';

/** Names of every district (for province-wide summaries). */
export async function findDistrictNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('district').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Which school-years a sums query reads (before the user's scope): those of `years` (null: every year) in
 * `districts` (null: every county). Each county-year is summed on its own, so any selection gives a county-year the
 * same doubles.
 */
export interface QualitySumsSelection {
  years: readonly number[] | null;
  districts: readonly string[] | null;
}

/** The sums of one stage of one county-year, with the county and year they belong to. */
export interface DistrictQualitySummarySums extends QualitySummarySums {
  districtCode: string;
  year: number;
}

type Float = RawBuilder<number>;
const float = (value: number): Float => sql<number>`${value}::float8`;
const column = (name: string): Float => sql<number>`${sql.ref(`s.${name}`)}::float8`;

/** The per-stage teacher columns an indicator reads; the shared assets are split by stage share (METHOD.md §5). */
const STAGE_FIELD_COLUMNS: Partial<Record<UnitResourceField, Record<Stage, string>>> = {
  higherDegreeTeachers: { primary: 'higher_degree_teachers_primary', junior: 'higher_degree_teachers_junior' },
  backboneTeachers: { primary: 'backbone_teachers_primary', junior: 'backbone_teachers_junior' },
  peArtTeachers: { primary: 'pe_art_teachers_primary', junior: 'pe_art_teachers_junior' },
};
const SHARED_FIELD_COLUMNS: Partial<Record<UnitResourceField, string>> = {
  teachingRoomArea: 'teaching_room_area',
  sportsArea: 'sports_area',
  equipmentValue: 'equipment_value',
  multimediaRooms: 'multimedia_rooms',
};

/**
 * The stage's weighted share of a school's shared assets, w_stage·P_stage / Σ w·P, with the weights
 * computeStageAssetShares picks: the school type's STAGE_WEIGHTS when they cover every stage with students, else the
 * twelve-year weights. The same double operations in the same order as there (w·P per stage, then
 * (primary + junior) + senior), so the share is the same double.
 */
function stageAssetShare(stage: Stage): Float {
  const [primary, junior, senior] = [column('students_primary'), column('students_junior'), column('students_senior')];
  const nineYear = sql<boolean>`(school.school_type = 'nine_year' and s.students_senior <= 0)`;
  const completeMiddle = sql<boolean>`(school.school_type = 'complete_middle' and s.students_primary <= 0)`;
  const { nine_year: nine, complete_middle: middle, twelve_year: twelve } = STAGE_WEIGHTS;
  const weight = (nineWeight: number, middleWeight: number, twelveWeight: number): Float =>
    sql<number>`case when ${nineYear} then ${float(nineWeight)} when ${completeMiddle} then ${float(middleWeight)}
      else ${float(twelveWeight)} end`;
  const parts = {
    primary: sql<number>`(${weight(nine.primary, 0, twelve.primary)} * ${primary})`,
    junior: sql<number>`(${weight(nine.junior, middle.junior, twelve.junior)} * ${junior})`,
    senior: sql<number>`(${weight(0, middle.senior, twelve.senior)} * ${senior})`,
  };
  return sql<number>`(${parts[stage]} / ((${parts.primary} + ${parts.junior}) + ${parts.senior}))`;
}

/**
 * The seven 资源配置 values of a school's stage part, as computeIndicatorValue computes them from buildStageUnit's
 * unit: per × (teachers | asset × share) / students, multiplied before dividing. null without students of the stage.
 */
function indicatorValues(stage: Stage): Float[] {
  const students = column(stage === 'primary' ? 'students_primary' : 'students_junior');
  const share = stageAssetShare(stage);
  return QUALITY_INDICATOR_KEYS.map((key) => {
    const formula = INDICATOR_FORMULAS[key];
    const teachers = STAGE_FIELD_COLUMNS[formula.field]?.[stage];
    const shared = SHARED_FIELD_COLUMNS[formula.field];
    const numerator = teachers ? column(teachers) : sql<number>`(${column(shared as string)} * ${share})`;
    return sql<number>`case when ${students} > 0 then (${float(formula.per)} * ${numerator}) / ${students} end`;
  });
}

/**
 * Builds the query of the 资源配置 sums: one row per county-year with school-years in the selection that the user
 * may see, in two passes over those school-years (each county-year's terms sorted by school code):
 * 1. `units`, computed once: per visible school-year, whether its stage part counts (METHOD.md §2 exclusions), its
 *    students P, its seven values X (the report's own double operations) and whether it passes compliance (6 of 7
 *    met, the missed one at ≥ 85% of its threshold);
 * 2. `means`: per county, the counts, Σ P and each X̄ = Σ P·X / Σ P over the counted parts;
 * 3. per county, each population variance Σ (P / Σ P)·(X − X̄)² (two passes: no cancellation, a CV of 0 stays 0).
 * Every sum runs in school-code order, the order the report adds its units in, so each CV is the report's double
 * exactly, whoever asks (a scoped user's query plan must not change the last bits).
 */
export function buildQualitySummarySumsQuery(
  db: Kysely<Database>,
  access: AccessScope,
  args: QualitySumsSelection & { stage: Stage; includePrivate: boolean },
) {
  const students = sql.ref(args.stage === 'primary' ? 's.students_primary' : 's.students_junior');
  const counted = sql<boolean>`(${students} > 0 and school.school_type <> 'special'
    and not (school.school_type = 'teaching_point' and ${students} < ${TEACHING_POINT_MIN_STUDENTS})
    ${args.includePrivate ? sql`` : sql`and school.ownership <> 'private'`})`;
  const keys = QUALITY_INDICATOR_KEYS.map((_, k) => k);
  const values = indicatorValues(args.stage);
  const parts = db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .$if(args.years !== null, (qb) =>
      qb.where((eb) => (args.years?.length ? eb('s.year', 'in', [...(args.years ?? [])]) : eb.lit(false))),
    )
    .$if(args.districts !== null, (qb) =>
      qb.where((eb) =>
        args.districts?.length ? eb('school.district_code', 'in', [...(args.districts ?? [])]) : eb.lit(false),
      ),
    )
    .$if(isRestricted(access), (qb) => qb.where(inAccessScope(access)))
    .select([
      'school.district_code',
      's.year',
      's.school_code',
      counted.as('counted'),
      sql<number>`${students}::float8`.as('p'),
      ...keys.map((k) => (values[k] as Float).as(`x${k}`)),
    ])
    // OFFSET 0 keeps this a subquery of its own: pulled up, each value's expression would be copied into every
    // place that reads it (the compliance test reads each three times) and computed there again.
    .offset(0);

  const x = (k: number) => sql.ref(`p.x${k}`);
  const thresholds = QUALITY_INDICATOR_KEYS.map((key) => findQualityThreshold(key, args.stage));
  const met = (k: number) => sql<boolean>`(${x(k)} >= ${float(findLowestMeetingValue(thresholds[k] as number))})`;
  const missed = sql<number>`(${sql.join(
    keys.map((k) => sql`(case when ${met(k)} then 0 else 1 end)`),
    sql` + `,
  )})`;
  const nearMiss = float(findLowestMeetingValue(QUALITY_NEAR_MISS_RATIO));
  const nearMissOk = sql<boolean>`(${sql.join(
    keys.map((k) => sql`(${met(k)} or ${x(k)} / ${float(thresholds[k] as number)} >= ${nearMiss})`),
    sql` and `,
  )})`;

  return db
    .with(
      (cte) => cte('units').materialized(),
      () =>
        db
          .selectFrom(parts.as('p'))
          .select([
            'p.district_code',
            'p.year',
            'p.school_code',
            'p.counted',
            'p.p',
            sql<boolean>`(${missed} = 0 or (${missed} = 1 and ${nearMissOk}))`.as('passes'),
            ...keys.map((k) => x(k).as(`x${k}`)),
          ]),
    )
    .with('means', (qb) =>
      qb
        .selectFrom('units as u')
        .select([
          'u.district_code',
          'u.year',
          sql<number>`count(*) filter (where u.counted)::int`.as('schools_counted'),
          sql<number>`count(*) filter (where u.counted and u.passes)::int`.as('schools_passing'),
          sql<number | null>`sum(u.p order by u.school_code) filter (where u.counted)`.as('total'),
          ...keys.map((k) =>
            sql<
              number | null
            >`sum(u.p * ${sql.ref(`u.x${k}`)} order by u.school_code) filter (where u.counted) / sum(u.p order by u.school_code) filter (where u.counted)`.as(
              `m${k}`,
            ),
          ),
        ])
        .groupBy(['u.district_code', 'u.year']),
    )
    .with('variances', (qb) =>
      qb
        .selectFrom('units as u')
        .innerJoin('means as m', (join) =>
          join.onRef('m.district_code', '=', 'u.district_code').onRef('m.year', '=', 'u.year'),
        )
        .where('u.counted', '=', true)
        .select([
          'u.district_code',
          'u.year',
          ...keys.map((k) => {
            const deviation = sql`(${sql.ref(`u.x${k}`)} - ${sql.ref(`m.m${k}`)})`;
            return sql<number>`sum((u.p / m.total) * (${deviation} * ${deviation}) order by u.school_code)`.as(`v${k}`);
          }),
        ])
        .groupBy(['u.district_code', 'u.year']),
    )
    .selectFrom('means as m')
    .leftJoin('variances as v', (join) =>
      join.onRef('v.district_code', '=', 'm.district_code').onRef('v.year', '=', 'm.year'),
    )
    .select([
      'm.district_code',
      'm.year',
      'm.schools_counted',
      sql<number>`coalesce(m.total, 0)`.as('students_counted'),
      'm.schools_passing',
      ...keys.map((k) => sql.ref<number | null>(`m.m${k}`).as(`m${k}`)),
      ...keys.map((k) => sql.ref<number | null>(`v.v${k}`).as(`v${k}`)),
    ]);
}

const SUMS_COLUMNS = [
  'schools_counted',
  'students_counted',
  'schools_passing',
  ...QUALITY_INDICATOR_KEYS.map((_, k) => `m${k}` as 'm0'),
  ...QUALITY_INDICATOR_KEYS.map((_, k) => `v${k}` as 'v0'),
] as const;

type SumsRow = Record<string, number | string | null>;

function toDistrictSums(row: SumsRow): DistrictQualitySummarySums {
  const keys = QUALITY_INDICATOR_KEYS.map((_, k) => k);
  return {
    districtCode: row.district_code as string,
    year: row.year as number,
    schoolsCounted: row.schools_counted as number,
    studentsCounted: row.students_counted as number,
    schoolsPassing: row.schools_passing as number,
    means: keys.map((k) => row[`m${k}`] as number | null),
    variances: keys.map((k) => row[`v${k}`] as number | null),
  };
}

/**
 * For the sums query only: no JIT (its cost estimate triggers compiling ~100 functions, seconds on a busy machine,
 * longer than the query) and room to keep a year of school-years and their hash tables in memory. Local to the
 * caller's transaction.
 */
async function tuneForSums(trx: Kysely<Database>): Promise<void> {
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
}

/**
 * The 资源配置 sums of one stage of every county in one year that the user may see (for a user limited to some
 * townships, those of the visible schools), computed by the database from the school-years: a row of about twenty
 * numbers per county instead of every school-year. A district with school-years but none counted in the stage gets
 * a row with nothing counted. The stored sums (findStoredQualitySummarySums) are these rows for the whole county.
 */
export async function findQualitySummarySums(
  db: Kysely<Database>,
  access: AccessScope,
  args: { year: number; stage: Stage; includePrivate: boolean },
): Promise<DistrictQualitySummarySums[]> {
  const rows = await db.transaction().execute(async (trx) => {
    await tuneForSums(trx);
    return (await buildQualitySummarySumsQuery(trx, access, {
      ...args,
      years: [args.year],
      districts: null,
    }).execute()) as unknown as SumsRow[];
  });
  return rows.map(toDistrictSums);
}

/**
 * The stored 资源配置 sums (county_quality_sums) of one stage of every county-year from `from` to `to` in the user's
 * counties (null: all), or in one city's counties (the first four digits of their codes): the whole county's, so only
 * for a user who sees whole counties (no township limit). Ordered by county and year.
 */
export async function findStoredQualitySummarySums(
  db: Kysely<Database>,
  args: {
    districts: readonly string[] | null;
    from: number | undefined;
    to: number | undefined;
    stage: Stage;
    includePrivate: boolean;
    city?: string;
  },
): Promise<DistrictQualitySummarySums[]> {
  const rows = await db
    .selectFrom('county_quality_sums')
    .select(['district_code', 'year', ...SUMS_COLUMNS])
    .where('stage', '=', args.stage)
    .where('include_private', '=', args.includePrivate)
    .$if(args.from !== undefined, (qb) => qb.where('year', '>=', args.from as number))
    .$if(args.to !== undefined, (qb) => qb.where('year', '<=', args.to as number))
    .$if(args.districts !== null, (qb) =>
      qb.where((eb) =>
        args.districts?.length ? eb('district_code', 'in', [...(args.districts ?? [])]) : eb.lit(false),
      ),
    )
    // A range of codes (not a prefix match, which no index serves): the city's districts are <city>00 to <city>99.
    .$if(args.city !== undefined, (qb) =>
      qb.where('district_code', '>=', `${args.city}00`).where('district_code', '<=', `${args.city}99`),
    )
    .orderBy('district_code')
    .orderBy('year')
    .execute();
  return (rows as unknown as SumsRow[]).map(toDistrictSums);
}

/**
 * Recomputes the stored sums of the selected county-years (every stage, with and without private schools) from
 * their school-years, inside the caller's transaction: the rows of the selection are deleted and those the sums query
 * gives are inserted, so a county-year that no longer has school-years (its schools moved county) loses its row. The
 * same query as the live summary, unscoped, so each stored double is the county report's.
 */
export async function refreshCountyQualitySums(trx: Kysely<Database>, selection: QualitySumsSelection): Promise<void> {
  if (selection.years?.length === 0 || selection.districts?.length === 0) return;
  await trx
    .deleteFrom('county_quality_sums')
    .$if(selection.years !== null, (qb) => qb.where('year', 'in', [...(selection.years ?? [])]))
    .$if(selection.districts !== null, (qb) => qb.where('district_code', 'in', [...(selection.districts ?? [])]))
    .execute();
  await tuneForSums(trx);
  for (const stage of ['primary', 'junior'] as const) {
    for (const includePrivate of [true, false]) {
      const sums = buildQualitySummarySumsQuery(
        trx,
        { districtCodes: null, townships: null },
        {
          ...selection,
          stage,
          includePrivate,
        },
      );
      const columns = sql.join(SUMS_COLUMNS.map((c) => sql.ref(c)));
      await sql`insert into county_quality_sums (district_code, year, stage, include_private, ${columns})
        select q.district_code, q.year, ${stage}, ${includePrivate}, ${sql.join(SUMS_COLUMNS.map((c) => sql.ref(`q.${c}`)))}
        from (${sums}) q`.execute(trx);
    }
  }
}
