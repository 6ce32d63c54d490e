import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely's view of the database (hand-written, one interface per table; columns are snake_case). */
export interface Database {
  import_batch: ImportBatchTable;
  district: DistrictTable;
  township: TownshipTable;
  school: SchoolTable;
  school_year_stat: SchoolYearStatTable;
  rotation: RotationTable;
  county_year_input: CountyYearInputTable;
  county_import_setting: CountyImportSettingTable;
  school_event: SchoolEventTable;
  county_quality_sums: CountyQualitySumsTable;
  school_year_stat_source: SchoolYearStatSourceTable;
  school_source: SchoolSourceTable;
  app_user: AppUserTable;
  login_throttle: LoginThrottleTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  saved_view: SavedViewTable;
  note: NoteTable;
  import_mapping: ImportMappingTable;
}

export interface ImportBatchFile {
  file: string;
  kind: string | null;
  encoding: string | null;
  rows: number;
  sha256: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  source: 'api' | 'cli' | 'demo';
  files: ColumnType<ImportBatchFile[], string, string>;
  counts: ColumnType<Record<string, number>, string, string>;
  warnings: ColumnType<number, number | undefined, number>;
}

export interface DistrictTable {
  code: string;
  name: string;
  /** The city (地级市) the county belongs to, where the data names it; its code is the first four digits of `code`. */
  city_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TownshipTable {
  code: string;
  district_code: string;
  name: string;
}

export interface SchoolTable {
  code: string;
  name: string;
  district_code: string;
  township_code: string;
  urban_rural_code: string;
  school_type: string;
  ownership: string;
  boarding: boolean;
  parent_school_code: string | null;
  group_name: string | null;
  import_batch_id: number | null;
}

/**
 * Where one stored value was read (issue #13): index of the file in the batch's `import_batch.files`, worksheet (null
 * for CSV), cell as Excel names it, and a label (header text, or the row and column codes of a 教基 form).
 */
export type StoredValueSource = [fileIndex: number, sheet: string | null, cell: string, label: string | null];

/** Provenance of one school-year's statistics: canonical field → where its value was read (no row: no source). */
export interface SchoolYearStatSourceTable {
  school_code: string;
  year: number;
  import_batch_id: number;
  sources: ColumnType<Record<string, StoredValueSource>, string, string>;
}

/** Provenance of one school's attributes (name, type, township …), as written by the last import of the school. */
export interface SchoolSourceTable {
  school_code: string;
  import_batch_id: number;
  sources: ColumnType<Record<string, StoredValueSource>, string, string>;
}

export interface SchoolYearStatTable {
  school_code: string;
  year: number;
  students_primary: number;
  students_junior: number;
  students_senior: number;
  classes_primary: number;
  classes_junior: number;
  teachers_primary: number;
  teachers_junior: number;
  higher_degree_teachers_primary: number;
  higher_degree_teachers_junior: number;
  backbone_teachers_primary: number;
  backbone_teachers_junior: number;
  pe_art_teachers_primary: number;
  pe_art_teachers_junior: number;
  senior_title_teachers_primary: number;
  senior_title_teachers_junior: number;
  certified_teachers: number;
  rotation_eligible_teachers: number;
  teaching_room_area: number;
  sports_area: number;
  equipment_value: number;
  multimedia_rooms: number;
  computers: number;
  books: number;
  music_rooms: number;
  art_rooms: number;
  /** Class-size columns are optional: null = not reported (unknown). */
  max_class_size: number | null;
  classes_56_65: number | null;
  classes_66_plus: number | null;
  max_class_size_primary: number | null;
  classes_56_65_primary: number | null;
  classes_66_plus_primary: number | null;
  max_class_size_junior: number | null;
  classes_56_65_junior: number | null;
  classes_66_plus_junior: number | null;
  import_batch_id: number;
}

export interface RotationTable {
  id: Generated<number>;
  /** County (区县) of the sending school: a teacher number is unique per county and year. */
  district_code: string;
  year: number;
  teacher_ref: string;
  from_school_code: string;
  to_school_code: string;
  backbone: boolean;
  months: number | null;
  import_batch_id: number;
}

export interface CountyYearInputTable {
  district_code: string;
  year: number;
  item_key: string;
  value: number | null;
  note: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Who saved the value (issue #12); null for rows saved before authors were recorded. */
  updated_by_id: ColumnType<number | null, number | null | undefined, number | null>;
  updated_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Import settings of one county (issue #13); a county without a row uses the defaults. */
export interface CountyImportSettingTable {
  district_code: string;
  teaching_points: ColumnType<'merge' | 'keep', 'merge' | 'keep' | undefined, 'merge' | 'keep'>;
  rotation_eligible_years: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * A change of a school's identity, with the year it took effect (issue #13): renamed, type or township changed (old
 * and new value), merged into another school (target), closed, or opened (first statistics year of a new code).
 */
export interface SchoolEventTable {
  id: Generated<number>;
  school_code: string;
  year: number;
  kind: 'renamed' | 'type_changed' | 'township_changed' | 'merged_into' | 'closed' | 'opened';
  old_value: string | null;
  new_value: string | null;
  target_school_code: string | null;
  import_batch_id: number | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/**
 * One stage of one county-year's 资源配置 sums, with and without private schools (the balance summary's input):
 * counts, Σ P, the weighted means m0…m6 and population variances v0…v6 in QUALITY_INDICATOR_KEYS order.
 */
export interface CountyQualitySumsTable {
  district_code: string;
  year: number;
  stage: 'primary' | 'junior';
  include_private: boolean;
  schools_counted: number;
  students_counted: number;
  schools_passing: number;
  m0: number | null;
  m1: number | null;
  m2: number | null;
  m3: number | null;
  m4: number | null;
  m5: number | null;
  m6: number | null;
  v0: number | null;
  v1: number | null;
  v2: number | null;
  v3: number | null;
  v4: number | null;
  v5: number | null;
  v6: number | null;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  /** jsonb array of district codes, never empty; null = every district. */
  district_codes: ColumnType<string[] | null, string | null, string | null>;
  /** jsonb array of township codes; null = every township. */
  township_codes: ColumnType<string[] | null, string | null, string | null>;
  disabled: Generated<boolean>;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Failed logins per (lower-cased name, address); address '*' counts the name over all addresses. */
export interface LoginThrottleTable {
  username: string;
  address: string;
  failures: number;
  locked_until: NullableTimestamp;
  last_attempt_at: Timestamp;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
}

export interface SavedViewTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  path: string;
  search: Generated<string>;
  created_at: Timestamp;
}

export interface NoteTable {
  id: Generated<number>;
  district_code: string;
  year: number;
  school_code: string | null;
  indicator_key: string | null;
  body: string;
  author_id: number | null;
  author_name: string;
  created_at: Timestamp;
}

/** A column-mapping preset (issue #13 point 3): which column of an unrecognised table holds which canonical field. */
export interface ImportMappingTable {
  id: Generated<number>;
  name: string;
  kind: 'schools' | 'school_stats' | 'rotations';
  /** Header paths (`专任教师 > 按学历分 > 本科`) of the table the mapping was made for. */
  signature: ColumnType<string[], string, string>;
  /** Canonical column key → header path. */
  columns: ColumnType<Record<string, string>, string, string>;
  first_data_row: number | null;
  district_code: string | null;
  created_by_id: number | null;
  created_by_name: string;
  created_at: Timestamp;
  updated_by_name: string;
  updated_at: Timestamp;
}

export type AppUserRecord = Selectable<AppUserTable>;
export type SchoolRecord = Selectable<SchoolTable>;
export type SchoolYearStatRecord = Selectable<SchoolYearStatTable>;
export type NewSchoolYearStat = Insertable<SchoolYearStatTable>;
export type RotationRecord = Selectable<RotationTable>;
