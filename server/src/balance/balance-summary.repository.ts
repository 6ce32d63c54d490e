import type { Database } from '@junheng/db';
import type { Ownership, SchoolType, Stage } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import type { QualitySummaryRow } from '../engine/index.ts';

/** Names of every district (for province-wide summaries). */
export async function findDistrictNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('district').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface DistrictQualitySummaryRow extends QualitySummaryRow {
  districtCode: string;
}

const STAGE_TEACHER_COLUMNS = {
  primary: ['s.higher_degree_teachers_primary', 's.backbone_teachers_primary', 's.pe_art_teachers_primary'],
  junior: ['s.higher_degree_teachers_junior', 's.backbone_teachers_junior', 's.pe_art_teachers_junior'],
} as const satisfies Record<Stage, readonly string[]>;

const UNIT_SEPARATOR = '\u001f';

/**
 * What the 资源配置 summary reads of every school-year of one year, for one stage: the school's district, type and
 * ownership, its students of each stage, the stage's teachers and the shared assets (computeQualitySummary).
 * Each row travels as one text value (fields joined by the ASCII unit separator): for tens of thousands of rows that is
 * several times cheaper for the driver than a dozen typed columns, and only these columns are read.
 */
export async function findQualitySummaryRows(
  db: Kysely<Database>,
  args: { year: number; stage: Stage },
): Promise<DistrictQualitySummaryRow[]> {
  const [higherDegree, backbone, peArt] = STAGE_TEACHER_COLUMNS[args.stage];
  const fields = [
    sql.ref('school.district_code'),
    sql.ref('s.school_code'),
    sql.ref('school.school_type'),
    sql.ref('school.ownership'),
    ...[
      's.students_primary',
      's.students_junior',
      's.students_senior',
      higherDegree,
      backbone,
      peArt,
      's.teaching_room_area',
      's.sports_area',
      's.equipment_value',
      's.multimedia_rooms',
    ].map((column) => sql`${sql.ref(column)}::text`),
  ];
  const rows = await db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .select(sql<string>`concat_ws(${UNIT_SEPARATOR}, ${sql.join(fields)})`.as('line'))
    .where('s.year', '=', args.year)
    .execute();
  return rows.map(({ line }) => {
    const v = line.split(UNIT_SEPARATOR);
    return {
      districtCode: v[0] as string,
      schoolCode: v[1] as string,
      schoolType: v[2] as SchoolType,
      ownership: v[3] as Ownership,
      studentsPrimary: Number(v[4]),
      studentsJunior: Number(v[5]),
      studentsSenior: Number(v[6]),
      higherDegreeTeachers: Number(v[7]),
      backboneTeachers: Number(v[8]),
      peArtTeachers: Number(v[9]),
      teachingRoomArea: Number(v[10]),
      sportsArea: Number(v[11]),
      equipmentValue: Number(v[12]),
      multimediaRooms: Number(v[13]),
    };
  });
}
