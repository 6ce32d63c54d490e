import type { ImportFormat, ImportKind, RotationRow, SchoolRow, SchoolStatRow } from '@junheng/shared';
import type { IssueCollector } from '../issues.ts';
import type { LocatedRow } from '../parse-rows.ts';
import type { UploadedImportFile } from '../validate-import.ts';
import { countyExtractReader } from './county-extract.ts';
import { mappedTableReader } from './mapped-reader.ts';
import { schoolWorkbookReader } from './school-workbook.ts';
import { teacherRosterReader } from './teacher-roster.ts';

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
  /** 教学点 not counted as schools (是否计校数 = 0): merged into their parent or kept, per county setting (validation). */
  teachingPoints?: LocatedRow<TeachingPointFact>[];
}

/** A 教学点 that the statistics do not count as a school (是否计校数 = 0) in one year (county extracts, issue #13). */
export interface TeachingPointFact {
  schoolCode: string;
  schoolName: string;
  year: number;
  /** The parent school, when the file has a column for it (所属学校标识码 / 上级学校 …). */
  parentSchoolCode: string | null;
  /** The county code read from 统计三级, when it has one. */
  districtCode: string | null;
  /** Header of the parent column, when the file has one (for the messages). */
  parentColumn: string | null;
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
  /**
   * Teachers by whole years at the school on the statistics date (index = years): validation recounts the eligible
   * teachers with the county's own `rotation_eligible_years` (the reader only knows the default).
   */
  tenureCounts?: number[];
}

/**
 * The readers, tried in order before the template reader. Each feature appends its own (one line per reader); a
 * file no reader claims goes to the template reader, whose error for unrecognised headers offers the mapping step.
 */
export const SOURCE_READERS: SourceReader[] = [
  schoolWorkbookReader,
  countyExtractReader,
  teacherRosterReader,
  mappedTableReader,
];

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
