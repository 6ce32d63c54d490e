import type { Database } from '@junheng/db';
import type { AccessScope, ValueSource } from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import {
  type BatchRecord,
  findBatches,
  findDistrictStatYears,
  findStatsWithSources,
  type StatWithSourcesRecord,
} from './provenance.repository.ts';
import { STAT_VALUE_COLUMNS } from './provenance.service.ts';
import { decodeStoredSource } from './value-sources.ts';

/** One line of the 数据核对表: one stored value of one school-year, and where it was read. */
export interface DataCheckLine {
  schoolCode: string;
  schoolName: string;
  year: number;
  key: string;
  zh: string;
  value: number;
  unit: string | null;
  source: ValueSource | null;
  batch: BatchRecord | undefined;
}

/** The lines of one stored school-year: every value (optional ones only when reported), in the template's order. */
export function dataCheckLinesOf(record: StatWithSourcesRecord, batch: BatchRecord | undefined): DataCheckLine[] {
  const values = record as unknown as Record<string, number | null>;
  return STAT_VALUE_COLUMNS.flatMap((c): DataCheckLine[] => {
    const value = values[c.key];
    if (value === null || value === undefined) return [];
    const stored = record.sources?.[c.field];
    return [
      {
        schoolCode: record.school_code,
        schoolName: record.school_name,
        year: record.year,
        key: c.key,
        zh: c.zh,
        value,
        unit: c.unit ?? null,
        source: stored && batch ? decodeStoredSource(stored, batch.files) : null,
        batch,
      },
    ];
  });
}

const BATCH_SOURCE_ZH = { api: '网页导入', cli: '命令行导入', demo: '演示数据' } as const;

/** When a batch was applied, as the analyst reads it (China Standard Time, the product's users' clock). */
export function formatImportedAt(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  return `${local.toISOString().slice(0, 16).replace('T', ' ')}`;
}

/**
 * The lines year by year (one query per year, batches read once each), so a county of many years streams instead of
 * being held whole.
 */
export async function* streamDataCheckLines(
  db: Kysely<Database>,
  filter: { access: AccessScope; districtCode: string; year?: number },
): AsyncGenerator<DataCheckLine> {
  const years =
    filter.year === undefined ? await findDistrictStatYears(db, filter.districtCode, filter.access) : [filter.year];
  const batches = new Map<number, BatchRecord>();
  for (const year of years) {
    const records = await findStatsWithSources(db, { ...filter, year });
    const missing = [...new Set(records.map((r) => r.import_batch_id))].filter((id) => !batches.has(id));
    for (const [id, batch] of await findBatches(db, missing)) batches.set(id, batch);
    for (const record of records) yield* dataCheckLinesOf(record, batches.get(record.import_batch_id));
  }
}

/** 数据核对表: school, year, field, value and unit, then file, sheet, cell, label, batch and time of import. */
export function buildDataCheckTable(
  lines: AsyncIterable<DataCheckLine>,
  lang: 'zh' | 'en',
): ExportTable<DataCheckLine> {
  const zh = lang === 'zh';
  const none = zh ? '（无来源记录）' : '(no source recorded)';
  const columns: ExportColumn<DataCheckLine>[] = [
    { key: 'school_code', zh: '学校标识码', en: 'school_code', width: 14, value: (r) => r.schoolCode },
    { key: 'school_name', zh: '学校名称', en: 'school_name', width: 28, value: (r) => r.schoolName },
    { key: 'year', zh: '年度', en: 'year', width: 7, value: (r) => r.year },
    { key: 'field', zh: '项目', en: 'field', width: 26, value: (r) => (zh ? r.zh : r.key) },
    { key: 'value', zh: '数值', en: 'value', width: 12, value: (r) => r.value },
    { key: 'unit', zh: '单位', en: 'unit', width: 8, value: (r) => r.unit ?? '' },
    { key: 'file', zh: '来源文件', en: 'file', width: 30, value: (r) => r.source?.file ?? none },
    { key: 'sheet', zh: '工作表', en: 'sheet', width: 16, value: (r) => r.source?.sheet ?? '' },
    { key: 'cell', zh: '单元格', en: 'cell', width: 8, value: (r) => r.source?.cell ?? '' },
    { key: 'label', zh: '表头/行列代码', en: 'label', width: 26, value: (r) => r.source?.label ?? '' },
    { key: 'batch_id', zh: '导入批次', en: 'batch_id', width: 9, value: (r) => r.batch?.id ?? null },
    {
      key: 'batch_source',
      zh: '导入方式',
      en: 'batch_source',
      width: 10,
      value: (r) => (r.batch ? (zh ? BATCH_SOURCE_ZH[r.batch.source] : r.batch.source) : ''),
    },
    {
      key: 'imported_at',
      zh: '导入时间',
      en: 'imported_at',
      width: 17,
      value: (r) => (r.batch ? (zh ? formatImportedAt(r.batch.createdAt) : r.batch.createdAt.toISOString()) : ''),
    },
  ];
  return { titleZh: '数据核对表', titleEn: 'data-check', columns, rows: lines };
}
