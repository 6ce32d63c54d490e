import type { ColumnDefinition, CountyDataset } from '@junheng/shared';
import {
  OWNERSHIP_LABELS,
  ROTATION_COLUMNS,
  SCHOOL_COLUMNS,
  SCHOOL_STAT_COLUMNS,
  SCHOOL_TYPE_LABELS,
} from '@junheng/shared';

/**
 * Writes a county dataset as the three import files, the way an analyst's Excel would: Chinese headers (with the
 * unit in brackets), Chinese enum labels, 是/否 for booleans, UTF-8 with BOM, CRLF, RFC 4180 quoting.
 * The files re-import unchanged, so they double as filled-in examples of the templates.
 */

export interface DatasetCsvFiles {
  'schools.csv': string;
  'school_stats.csv': string;
  'rotations.csv': string;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Enum columns are written with their Chinese label, as the 基础基 tables show them. */
const ENUM_LABELS: Record<string, Record<string, { zh: string }>> = {
  schoolType: SCHOOL_TYPE_LABELS,
  ownership: OWNERSHIP_LABELS,
};

/** `教学及辅助用房面积(平方米)` for a column with a unit, else the plain Chinese name. */
export function csvHeader(column: ColumnDefinition): string {
  return column.unit ? `${column.zh}(${column.unit})` : column.zh;
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatValue(column: ColumnDefinition, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (column.type === 'enum' && typeof value === 'string') return ENUM_LABELS[column.field]?.[value]?.zh ?? value;
  return String(value);
}

function toCsv<Row extends object>(
  columns: readonly ColumnDefinition<Extract<keyof Row, string>>[],
  rows: readonly Row[],
): string {
  const lines = [columns.map((column) => csvField(csvHeader(column))).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField(formatValue(column, row[column.field]))).join(','));
  }
  // Every record ends with CRLF, as Excel writes it.
  return BOM + lines.join(CRLF) + CRLF;
}

export function datasetToCsvFiles(dataset: CountyDataset): DatasetCsvFiles {
  return {
    'schools.csv': toCsv(SCHOOL_COLUMNS, dataset.schools),
    'school_stats.csv': toCsv(SCHOOL_STAT_COLUMNS, dataset.stats),
    'rotations.csv': toCsv(ROTATION_COLUMNS, dataset.rotations),
  };
}
