import type { NewSchoolYearStat, SchoolYearStatRecord } from '@junheng/db';
import { SCHOOL_STAT_COLUMNS, type SchoolStatRow } from '@junheng/shared';

/** The statistics fields other than the key (year, school code), with their column names. */
export const STAT_FIELDS = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode') as {
  key: string;
  field: Exclude<keyof SchoolStatRow, 'year' | 'schoolCode'>;
}[];

/** The one mapping between statistics rows and the school_year_stat table (column name = CSV key). */
export function statRowToRecord(row: SchoolStatRow, importBatchId: number): NewSchoolYearStat {
  const record: Record<string, unknown> = {
    school_code: row.schoolCode,
    year: row.year,
    import_batch_id: importBatchId,
  };
  for (const { key, field } of STAT_FIELDS) record[key] = row[field];
  return record as unknown as NewSchoolYearStat;
}

export function statRecordToRow(record: SchoolYearStatRecord): SchoolStatRow {
  const source = record as unknown as Record<string, number>;
  const row: Record<string, unknown> = { year: record.year, schoolCode: record.school_code };
  for (const { key, field } of STAT_FIELDS) row[field] = source[key];
  return row as SchoolStatRow;
}
