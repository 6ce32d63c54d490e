import type { Database, SchoolYearStatRecord } from '@junheng/db';
import {
  type AccessScope,
  OWNERSHIP_LABELS,
  SCHOOL_COLUMNS,
  SCHOOL_STAT_COLUMNS,
  SCHOOL_TYPE_LABELS,
  type SchoolRow,
  type SchoolSourcesQuery,
  type SchoolSourcesResponse,
  type SourcedValue,
  URBAN_RURAL_CODE_LABELS,
  type ValueBatch,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findSchoolByCode } from '../county/county.repository.ts';
import { HttpError } from '../http/errors.ts';
import {
  type BatchRecord,
  findBatches,
  findSchoolSources,
  findStatsWithSources,
  findStatYears,
  type StoredSources,
} from './provenance.repository.ts';
import { decodeStoredSource } from './value-sources.ts';

/** The statistics columns that hold values (the year and school code are the row's key, not values). */
export const STAT_VALUE_COLUMNS = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode');

/** School attributes shown with their source (the code is the key; district and city come with the township). */
const ATTRIBUTE_COLUMNS = SCHOOL_COLUMNS.filter((c) => c.field !== 'schoolCode' && c.field !== 'cityName');

export function toValueBatch(batch: BatchRecord | undefined): ValueBatch | null {
  return batch ? { id: batch.id, importedAt: batch.createdAt.toISOString(), source: batch.source } : null;
}

/**
 * Every value of one stored school-year with where it was read. A field without a recorded source (demo data, rows
 * stored before provenance was kept, a reader that records none) has `source: null`; optional fields never reported
 * (null) are left out.
 */
export function describeStatValues(
  stat: SchoolYearStatRecord,
  sources: StoredSources | null,
  batch: BatchRecord | undefined,
): SourcedValue[] {
  const record = stat as unknown as Record<string, number | null>;
  const valueBatch = toValueBatch(batch);
  return STAT_VALUE_COLUMNS.flatMap((c): SourcedValue[] => {
    const value = record[c.key] ?? null;
    if (value === null && !c.required) return [];
    const stored = sources?.[c.field];
    return [
      {
        field: c.field,
        key: c.key,
        zh: c.zh,
        unit: c.unit ?? null,
        value,
        source: stored && batch ? decodeStoredSource(stored, batch.files) : null,
        batch: valueBatch,
      },
    ];
  });
}

function attributeValue(school: SchoolRow, field: string): string | boolean | null {
  switch (field) {
    case 'schoolType':
      return SCHOOL_TYPE_LABELS[school.schoolType].zh;
    case 'ownership':
      return OWNERSHIP_LABELS[school.ownership].zh;
    case 'urbanRuralCode':
      return `${school.urbanRuralCode} ${URBAN_RURAL_CODE_LABELS[school.urbanRuralCode]}`;
    default: {
      const value = (school as unknown as Record<string, string | boolean | null | undefined>)[field];
      return value ?? null;
    }
  }
}

/** The school's attributes as stored, each with where the last import of the school read it. */
export function describeSchoolAttributes(
  school: SchoolRow,
  sources: StoredSources | null,
  batch: BatchRecord | undefined,
): SourcedValue[] {
  const valueBatch = toValueBatch(batch);
  return ATTRIBUTE_COLUMNS.map((c) => {
    const stored = sources?.[c.field];
    return {
      field: c.field,
      key: c.key,
      zh: c.zh,
      unit: c.unit ?? null,
      value: attributeValue(school, c.field),
      source: stored && batch ? decodeStoredSource(stored, batch.files) : null,
      batch: valueBatch,
    };
  });
}

/**
 * 学校数据来源: one school-year's statistics and the school's attributes, each with its file, sheet, cell and import
 * batch. Scoped like the profile: a school outside the user's scope is not found (404).
 */
export async function getSchoolSources(
  db: Kysely<Database>,
  code: string,
  query: SchoolSourcesQuery,
  access: AccessScope,
): Promise<SchoolSourcesResponse> {
  const school = await findSchoolByCode(db, code, access);
  if (!school) throw new HttpError(404, 'SchoolNotFound', `没有学校 ${code} / No school ${code}`);
  const years = await findStatYears(db, code);
  const year = query.year ?? years.at(-1) ?? null;
  if (query.year !== undefined && !years.includes(query.year)) {
    throw new HttpError(404, 'YearNotFound', `学校 ${code} 没有 ${query.year} 年的统计 / No ${query.year} statistics`, {
      years,
    });
  }
  const [stats, schoolSources] = await Promise.all([
    year === null ? Promise.resolve([]) : findStatsWithSources(db, { access, schoolCode: code, year }),
    findSchoolSources(db, code),
  ]);
  const stat = stats[0];
  const batches = await findBatches(db, [
    ...(stat ? [stat.import_batch_id] : []),
    ...(schoolSources?.importBatchId == null ? [] : [schoolSources.importBatchId]),
  ]);
  return {
    school: { code: school.schoolCode, name: school.schoolName },
    year,
    years,
    values: stat ? describeStatValues(stat, stat.sources, batches.get(stat.import_batch_id)) : [],
    attributes: describeSchoolAttributes(
      school,
      schoolSources?.sources ?? null,
      schoolSources?.importBatchId == null ? undefined : batches.get(schoolSources.importBatchId),
    ),
  };
}
