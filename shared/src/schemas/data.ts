import { z } from 'zod';
import { OWNERSHIPS, SCHOOL_TYPES, URBAN_RURAL_CODES } from '../method.ts';

/**
 * The three importable data sets of METHOD.md §9, as canonical rows (camelCase fields, English enum values).
 * The column registries below drive the import header matching, the templates, the demo export and the XLSX headers.
 */

export const DistrictCodeSchema = z.string().regex(/^\d{6}$/, '区县代码应为6位数字');
export const TownshipCodeSchema = z.string().regex(/^\d{9}$/, '乡镇代码应为9位数字');
export const SchoolCodeSchema = z.string().trim().min(1).max(40);
export const YearSchema = z.number().int().min(2000).max(2100);

export const SchoolRowSchema = z.object({
  schoolCode: SchoolCodeSchema,
  schoolName: z.string().trim().min(1).max(100),
  districtCode: DistrictCodeSchema,
  districtName: z.string().trim().min(1).max(60),
  townshipCode: TownshipCodeSchema,
  townshipName: z.string().trim().min(1).max(60),
  urbanRuralCode: z.enum(URBAN_RURAL_CODES),
  schoolType: z.enum(SCHOOL_TYPES),
  ownership: z.enum(OWNERSHIPS),
  boarding: z.boolean(),
  parentSchoolCode: SchoolCodeSchema.nullable(),
  groupName: z.string().trim().max(60).nullable(),
  /** The city (地级市) of the district, where the file names it; the city's code is the district code's first four digits. */
  cityName: z.string().trim().max(60).nullable().optional(),
  /**
   * Issue #13: the school was merged into (撤并入) this school from `closedYear` on (its students are counted there).
   * Optional columns of the schools file; absent = nothing to record.
   */
  mergedIntoCode: SchoolCodeSchema.nullable().optional(),
  /** Issue #13: first year the school no longer exists (撤销/停办年份): it has no statistics from this year on. */
  closedYear: YearSchema.nullable().optional(),
});
export type SchoolRow = z.infer<typeof SchoolRowSchema>;

const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();

export const SchoolStatRowSchema = z.object({
  year: YearSchema,
  schoolCode: SchoolCodeSchema,
  studentsPrimary: count,
  studentsJunior: count,
  studentsSenior: count,
  classesPrimary: count,
  classesJunior: count,
  teachersPrimary: count,
  teachersJunior: count,
  higherDegreeTeachersPrimary: count,
  higherDegreeTeachersJunior: count,
  backboneTeachersPrimary: count,
  backboneTeachersJunior: count,
  peArtTeachersPrimary: count,
  peArtTeachersJunior: count,
  seniorTitleTeachersPrimary: count,
  seniorTitleTeachersJunior: count,
  certifiedTeachers: count,
  rotationEligibleTeachers: count,
  teachingRoomArea: amount,
  sportsArea: amount,
  equipmentValue: amount,
  multimediaRooms: count,
  computers: count,
  books: count,
  musicRooms: count,
  artRooms: count,
  /**
   * Class-size columns are optional (METHOD.md §9, issue #9): a blank is unknown (null), shown as 无数据, never a pass.
   * School-wide maximum and band counts, and the same per stage (小学 / 初中) when the statistics give them.
   */
  maxClassSize: count.nullable(),
  classes56To65: count.nullable(),
  classes66Plus: count.nullable(),
  maxClassSizePrimary: count.nullable(),
  maxClassSizeJunior: count.nullable(),
  classes56To65Primary: count.nullable(),
  classes56To65Junior: count.nullable(),
  classes66PlusPrimary: count.nullable(),
  classes66PlusJunior: count.nullable(),
});
export type SchoolStatRow = z.infer<typeof SchoolStatRowSchema>;
/** Statistics fields that always hold a number (the optional class-size fields may be null). */
export type SchoolStatField = {
  [K in Exclude<keyof SchoolStatRow, 'year' | 'schoolCode'>]: null extends SchoolStatRow[K] ? never : K;
}[Exclude<keyof SchoolStatRow, 'year' | 'schoolCode'>];
/** The optional (nullable) statistics fields: class size, school-wide and per stage. */
export type OptionalSchoolStatField = Exclude<keyof SchoolStatRow, 'year' | 'schoolCode' | SchoolStatField>;

export const RotationRowSchema = z.object({
  year: YearSchema,
  teacherRef: z.string().trim().min(1).max(40),
  fromSchoolCode: SchoolCodeSchema,
  toSchoolCode: SchoolCodeSchema,
  backbone: z.boolean(),
  months: z.number().int().positive().max(120).nullable(),
});
export type RotationRow = z.infer<typeof RotationRowSchema>;

export const IMPORT_KINDS = ['schools', 'school_stats', 'rotations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnType = 'text' | 'code' | 'integer' | 'decimal' | 'money' | 'boolean' | 'enum';

export interface ColumnDefinition<F extends string = string> {
  /** English key used in CSV headers and the API (snake_case, METHOD.md §9). */
  key: string;
  /** Field of the canonical row. */
  field: F;
  zh: string;
  /** Unit as it appears in the Chinese header, e.g. 平方米, 元. */
  unit?: string;
  type: ColumnType;
  required: boolean;
}

export const SCHOOL_COLUMNS: readonly ColumnDefinition<keyof SchoolRow>[] = [
  { key: 'school_code', field: 'schoolCode', zh: '学校标识码', type: 'code', required: true },
  { key: 'school_name', field: 'schoolName', zh: '学校名称', type: 'text', required: true },
  { key: 'district_code', field: 'districtCode', zh: '区县代码', type: 'code', required: true },
  { key: 'district_name', field: 'districtName', zh: '区县名称', type: 'text', required: true },
  { key: 'township_code', field: 'townshipCode', zh: '乡镇代码', type: 'code', required: true },
  { key: 'township_name', field: 'townshipName', zh: '乡镇名称', type: 'text', required: true },
  { key: 'urban_rural_code', field: 'urbanRuralCode', zh: '城乡分类代码', type: 'code', required: true },
  { key: 'school_type', field: 'schoolType', zh: '办学类型', type: 'enum', required: true },
  { key: 'ownership', field: 'ownership', zh: '办学性质', type: 'enum', required: true },
  { key: 'boarding', field: 'boarding', zh: '是否寄宿制', type: 'boolean', required: true },
  { key: 'parent_school_code', field: 'parentSchoolCode', zh: '所属学校标识码', type: 'code', required: false },
  { key: 'group_name', field: 'groupName', zh: '学区/教育集团', type: 'text', required: false },
  { key: 'city_name', field: 'cityName', zh: '地市名称', type: 'text', required: false },
  { key: 'merged_into_code', field: 'mergedIntoCode', zh: '撤并入学校标识码', type: 'code', required: false },
  { key: 'closed_year', field: 'closedYear', zh: '撤销年份', type: 'integer', required: false },
];

const stat = (
  key: string,
  field: SchoolStatField,
  zh: string,
  type: ColumnType = 'integer',
  unit?: string,
): ColumnDefinition<keyof SchoolStatRow> => ({ key, field, zh, type, required: true, ...(unit ? { unit } : {}) });

/** An optional statistics column: the header may be missing and a blank cell is unknown (null), not 0. */
const optionalStat = (
  key: string,
  field: OptionalSchoolStatField,
  zh: string,
): ColumnDefinition<keyof SchoolStatRow> => ({
  key,
  field,
  zh,
  type: 'integer',
  required: false,
});

export const SCHOOL_STAT_COLUMNS: readonly ColumnDefinition<keyof SchoolStatRow>[] = [
  { key: 'year', field: 'year', zh: '年度', type: 'integer', required: true },
  { key: 'school_code', field: 'schoolCode', zh: '学校标识码', type: 'code', required: true },
  stat('students_primary', 'studentsPrimary', '小学在校生数'),
  stat('students_junior', 'studentsJunior', '初中在校生数'),
  stat('students_senior', 'studentsSenior', '高中在校生数'),
  stat('classes_primary', 'classesPrimary', '小学班数'),
  stat('classes_junior', 'classesJunior', '初中班数'),
  stat('teachers_primary', 'teachersPrimary', '小学专任教师数'),
  stat('teachers_junior', 'teachersJunior', '初中专任教师数'),
  stat('higher_degree_teachers_primary', 'higherDegreeTeachersPrimary', '小学高于规定学历教师数'),
  stat('higher_degree_teachers_junior', 'higherDegreeTeachersJunior', '初中高于规定学历教师数'),
  stat('backbone_teachers_primary', 'backboneTeachersPrimary', '小学县级以上骨干教师数'),
  stat('backbone_teachers_junior', 'backboneTeachersJunior', '初中县级以上骨干教师数'),
  stat('pe_art_teachers_primary', 'peArtTeachersPrimary', '小学体育艺术专任教师数'),
  stat('pe_art_teachers_junior', 'peArtTeachersJunior', '初中体育艺术专任教师数'),
  stat('senior_title_teachers_primary', 'seniorTitleTeachersPrimary', '小学中级及以上职称教师数'),
  stat('senior_title_teachers_junior', 'seniorTitleTeachersJunior', '初中中级及以上职称教师数'),
  stat('certified_teachers', 'certifiedTeachers', '持有教师资格证专任教师数'),
  stat('rotation_eligible_teachers', 'rotationEligibleTeachers', '符合交流条件教师数'),
  stat('teaching_room_area', 'teachingRoomArea', '教学及辅助用房面积', 'decimal', '平方米'),
  stat('sports_area', 'sportsArea', '体育运动场馆面积', 'decimal', '平方米'),
  stat('equipment_value', 'equipmentValue', '教学仪器设备值', 'money', '元'),
  stat('multimedia_rooms', 'multimediaRooms', '网络多媒体教室数'),
  stat('computers', 'computers', '计算机台数'),
  stat('books', 'books', '图书册数'),
  stat('music_rooms', 'musicRooms', '音乐专用教室数'),
  stat('art_rooms', 'artRooms', '美术专用教室数'),
  optionalStat('max_class_size', 'maxClassSize', '最大班额'),
  optionalStat('classes_56_65', 'classes56To65', '大班额班数(56-65人)'),
  optionalStat('classes_66_plus', 'classes66Plus', '超大班额班数(66人及以上)'),
  optionalStat('max_class_size_primary', 'maxClassSizePrimary', '小学最大班额'),
  optionalStat('classes_56_65_primary', 'classes56To65Primary', '小学大班额班数(56-65人)'),
  optionalStat('classes_66_plus_primary', 'classes66PlusPrimary', '小学超大班额班数(66人及以上)'),
  optionalStat('max_class_size_junior', 'maxClassSizeJunior', '初中最大班额'),
  optionalStat('classes_56_65_junior', 'classes56To65Junior', '初中大班额班数(56-65人)'),
  optionalStat('classes_66_plus_junior', 'classes66PlusJunior', '初中超大班额班数(66人及以上)'),
];

export const ROTATION_COLUMNS: readonly ColumnDefinition<keyof RotationRow>[] = [
  { key: 'year', field: 'year', zh: '年度', type: 'integer', required: true },
  { key: 'teacher_ref', field: 'teacherRef', zh: '教师编号', type: 'code', required: true },
  { key: 'from_school_code', field: 'fromSchoolCode', zh: '派出学校标识码', type: 'code', required: true },
  { key: 'to_school_code', field: 'toSchoolCode', zh: '接收学校标识码', type: 'code', required: true },
  { key: 'backbone', field: 'backbone', zh: '是否骨干教师', type: 'boolean', required: true },
  { key: 'months', field: 'months', zh: '交流时长(月)', type: 'integer', required: false },
];

export const IMPORT_COLUMNS = {
  schools: SCHOOL_COLUMNS,
  school_stats: SCHOOL_STAT_COLUMNS,
  rotations: ROTATION_COLUMNS,
} as const;

/** Per-stage teacher subsets that may not exceed the stage's teachers (a located import error). */
export const TEACHER_SUBSET_FIELDS = {
  primary: {
    total: 'teachersPrimary',
    subsets: [
      'higherDegreeTeachersPrimary',
      'backboneTeachersPrimary',
      'peArtTeachersPrimary',
      'seniorTitleTeachersPrimary',
    ],
  },
  junior: {
    total: 'teachersJunior',
    subsets: [
      'higherDegreeTeachersJunior',
      'backboneTeachersJunior',
      'peArtTeachersJunior',
      'seniorTitleTeachersJunior',
    ],
  },
} as const satisfies Record<string, { total: SchoolStatField; subsets: readonly SchoolStatField[] }>;

/** The whole data of one county, as the demo generator produces it and the importer applies it. */
export interface CountyDataset {
  schools: SchoolRow[];
  stats: SchoolStatRow[];
  rotations: RotationRow[];
  /** Changes of school identity to record (issue #13: renames, merges, closures, openings), with their year. */
  schoolEvents?: SchoolEventRow[];
}

// ------------------------------------------------------------------------------- school identity across years (#13)

export const SCHOOL_EVENT_KINDS = [
  'renamed',
  'type_changed',
  'township_changed',
  'merged_into',
  'closed',
  'opened',
] as const;
export type SchoolEventKind = (typeof SCHOOL_EVENT_KINDS)[number];

export const SCHOOL_EVENT_KIND_LABELS: Record<SchoolEventKind, { zh: string; en: string }> = {
  renamed: { zh: '更名', en: 'Renamed' },
  type_changed: { zh: '办学类型变更', en: 'Type changed' },
  township_changed: { zh: '所属乡镇变更', en: 'Township changed' },
  merged_into: { zh: '撤并', en: 'Merged' },
  closed: { zh: '撤销', en: 'Closed' },
  opened: { zh: '新设', en: 'Opened' },
};

/**
 * A change of one school with the year it took effect. renamed / type_changed / township_changed: old and new value
 * (name; school type key; township code). merged_into: `targetSchoolCode` from `year` on. closed, opened: no values.
 */
export const SchoolEventRowSchema = z.object({
  schoolCode: SchoolCodeSchema,
  year: YearSchema,
  kind: z.enum(SCHOOL_EVENT_KINDS),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  targetSchoolCode: SchoolCodeSchema.nullable(),
});
export type SchoolEventRow = z.infer<typeof SchoolEventRowSchema>;

/** A recorded event as the API shows it: with the school's name in that year and the target's current name. */
export const SchoolEventSchema = SchoolEventRowSchema.extend({
  /** The school's name in the year of the event (before a rename: the old name). */
  schoolName: z.string(),
  /** The merge target's name; null when none or outside the user's scope (shown as 区域外). */
  targetSchoolName: z.string().nullable(),
  /** Display text of old and new value (a type or township name rather than its key or code). */
  oldLabel: z.string().nullable(),
  newLabel: z.string().nullable(),
});
export type SchoolEvent = z.infer<typeof SchoolEventSchema>;

/** A statistics row with every count and amount 0 and every optional column unknown: nothing reported yet. */
export function emptySchoolStat(schoolCode: string, year: number): SchoolStatRow {
  const row: Record<string, string | number | null> = { year, schoolCode };
  for (const column of SCHOOL_STAT_COLUMNS)
    if (column.field !== 'year' && column.field !== 'schoolCode') row[column.field] = column.required ? 0 : null;
  return row as SchoolStatRow;
}
