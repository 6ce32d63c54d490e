import type { Database } from '@junheng/db';
import type { AccessScope, Ownership, SchoolType, Stage } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import { inAccessScope, isRestricted } from '../db-helpers.ts';
import type { QualitySummaryRow } from '../engine/index.ts';

/** Names of every district (for province-wide summaries). */
export async function findDistrictNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('district').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** One district's school-years of a year; parsed when read, so only one district's rows are objects at a time. */
export interface DistrictQualitySummaryRows {
  districtCode: string;
  readRows(): QualitySummaryRow[];
}

const STAGE_TEACHER_COLUMNS = {
  primary: ['s.higher_degree_teachers_primary', 's.backbone_teachers_primary', 's.pe_art_teachers_primary'],
  junior: ['s.higher_degree_teachers_junior', 's.backbone_teachers_junior', 's.pe_art_teachers_junior'],
} as const satisfies Record<Stage, readonly string[]>;

const UNIT_SEPARATOR = '\u001f';
const RECORD_SEPARATOR = '\u001e';

/**
 * What the 资源配置 summary reads of every school-year of one year that the user may see, for one stage, by district:
 * the school's type and ownership, its students of each stage, the stage's teachers and the shared assets
 * (computeQualitySummary).
 * Only these columns are read, and each district travels as one text value (fields joined by the ASCII unit
 * separator, school-years by the record separator): a hundred values instead of tens of thousands of rows of a dozen
 * typed columns, several times cheaper for the driver and for the garbage collector.
 */
export async function findQualitySummaryRows(
  db: Kysely<Database>,
  access: AccessScope,
  args: { year: number; stage: Stage },
): Promise<DistrictQualitySummaryRows[]> {
  const [higherDegree, backbone, peArt] = STAGE_TEACHER_COLUMNS[args.stage];
  const stageStudents = args.stage === 'primary' ? 's.students_primary' : 's.students_junior';
  const fields = [
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
  // A school-year without students of the stage has no part in it (computeQualitySummary would skip it) and is not
  // sent; its district still gets a line (null when none of its school-years has the stage).
  const concatenated = sql<
    string | null
  >`string_agg(concat_ws(${UNIT_SEPARATOR}, ${sql.join(fields)}), ${RECORD_SEPARATOR})
    filter (where ${sql.ref(stageStudents)} > 0)`;
  const districts = await db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .select(['school.district_code', concatenated.as('lines')])
    .where('s.year', '=', args.year)
    .$if(isRestricted(access), (qb) => qb.where(inAccessScope(access)))
    .groupBy('school.district_code')
    .execute();
  return districts.map(({ district_code, lines }) => ({
    districtCode: district_code,
    readRows: () => (lines === null ? [] : lines.split(RECORD_SEPARATOR).map(parseQualitySummaryRow)),
  }));
}

function parseQualitySummaryRow(line: string): QualitySummaryRow {
  const v = line.split(UNIT_SEPARATOR);
  return {
    schoolCode: v[0] as string,
    schoolType: v[1] as SchoolType,
    ownership: v[2] as Ownership,
    studentsPrimary: Number(v[3]),
    studentsJunior: Number(v[4]),
    studentsSenior: Number(v[5]),
    higherDegreeTeachers: Number(v[6]),
    backboneTeachers: Number(v[7]),
    peArtTeachers: Number(v[8]),
    teachingRoomArea: Number(v[9]),
    sportsArea: Number(v[10]),
    equipmentValue: Number(v[11]),
    multimediaRooms: Number(v[12]),
  };
}
