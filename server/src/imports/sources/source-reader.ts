import type { ImportFormat, ImportKind, RotationRow, SchoolRow, SchoolStatRow } from '@junheng/shared';
import type { IssueCollector } from '../issues.ts';
import type { LocatedRow } from '../parse-rows.ts';
import type { UploadedImportFile } from '../validate-import.ts';
import { mappedTableReader } from './mapped-reader.ts';

/**
 * A reader of one family of files other than our own templates (issue #13): 教育事业统计 school workbooks, county
 * extracts with merged headers, teacher rosters, tables read through a saved column mapping. Each returns the same
 * canonical rows as a template file, located (file, sheet, cell) and with the provenance of every value, so that the
 * cross-row checks, the all-or-nothing transaction and the report are the same whatever the files were.
 */
export interface SourceReader {
  format: ImportFormat;
  /**
   * Reads the file when it belongs to this family, else returns null (cheaply: sheet names, the first rows) so the
   * next reader is tried. Problems of a file it claims are reported to `issues` with their location.
   */
  read(file: UploadedImportFile, context: SourceReadContext): Promise<SourceRows | null>;
}

/** What a reader may need besides the file: saved column mappings (presets) and the shared issue list. */
export interface SourceReadContext {
  issues: IssueCollector;
  /** Column mappings saved by analysts (issue #13 point 3), tried on tables whose headers are not recognised. */
  mappings: readonly ColumnMappingPreset[];
}

/** A saved mapping: for a table whose header texts match `signature`, which column holds which canonical field. */
export interface ColumnMappingPreset {
  id: number;
  name: string;
  kind: 'schools' | 'school_stats' | 'rotations';
  /** Header texts (joined header path per column) the mapping was made for. */
  signature: readonly string[];
  /** Canonical column key (as in IMPORT_COLUMNS) → header path as written in the file. */
  columns: Readonly<Record<string, string>>;
  /** Row number of the first data row, when the header spans several rows. */
  firstDataRow?: number | null;
  /** Given for this import (a form field, `--mapping FILE`): applied without comparing the whole signature. */
  explicit?: boolean;
}

/** The canonical rows one file gives, with how many data rows it had. */
export interface SourceRows {
  format: ImportFormat;
  /** The data set the file was read as, for the file summary (else judged from the rows it gave). */
  kind?: ImportKind;
  /** Data rows (or forms) read, for the file summary. */
  rows: number;
  /** Encoding of a CSV source; null for XLSX. */
  encoding: string | null;
  schools: LocatedRow<SchoolRow>[];
  stats: LocatedRow<SchoolStatRow>[];
  rotations: LocatedRow<RotationRow>[];
  /** Rows derived from a teacher roster, merged into the statistics of the same school-year by validation. */
  rosterFacts?: LocatedRow<RosterSchoolYearFacts>[];
}

/** What a roster says about one school in one year (issue #13: analysts count these by hand today). */
export interface RosterSchoolYearFacts {
  schoolCode: string;
  year: number;
  /** Teachers at the school for at least the county's rotation threshold (default 6 years) on the statistics date. */
  rotationEligibleTeachers: number;
  /** Teachers of county level or above (县/市/省级骨干) on the roster. */
  backboneTeachers: number;
  teachers: number;
}

/**
 * The readers, tried in order before the template reader. Each feature appends its own (one line per reader); a
 * file no reader claims goes to the template reader, whose error for unrecognised headers offers the mapping step.
 */
export const SOURCE_READERS: SourceReader[] = [mappedTableReader];

/** The first reader's rows for this file, or null when it is a template file (or unreadable: the template path says why). */
export async function readWithSourceReaders(
  file: UploadedImportFile,
  context: SourceReadContext,
): Promise<SourceRows | null> {
  for (const reader of SOURCE_READERS) {
    const rows = await reader.read(file, context);
    if (rows !== null) return rows;
  }
  return null;
}
