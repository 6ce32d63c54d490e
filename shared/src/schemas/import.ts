import { z } from 'zod';
import { IMPORT_KINDS, RotationRowSchema, SchoolRowSchema, SchoolStatRowSchema } from './data.ts';

/** One located problem in an imported file (METHOD.md §9): file, 1-based row as the analyst sees it in Excel, column. */
export const ImportIssueSchema = z.object({
  file: z.string(),
  /** Row number as shown by Excel (the header is row 1); null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** Column header as written in the file (or the expected key when the column is missing); null for whole rows. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  /** Worksheet of an XLSX source when the file has several (statistics workbooks); absent for CSV and templates. */
  sheet: z.string().nullable().optional(),
  /** Cell as Excel names it (e.g. `D7`), when the problem is one cell of a workbook form. */
  cell: z.string().nullable().optional(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/**
 * The families of files an import reads (issue #13): our own one-row-header templates, the 教育事业统计 school
 * workbooks (one sheet per 教基 form), county extracts with merged multi-row headers (one row per school), teacher
 * rosters exported by the teacher-management system, and any table read through a saved column mapping.
 */
export const IMPORT_FORMATS = ['template', 'school_workbook', 'county_extract', 'teacher_roster', 'mapped'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where one stored value came from: its file, sheet and cell (or the row and column codes of a form). */
export const ValueSourceSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  /** Cell as Excel names it, e.g. `D7`. */
  cell: z.string(),
  /** Row and column codes of a 教基 form (e.g. `05` × `3`) or the header path of an extract column, when known. */
  label: z.string().nullable().optional(),
});
export type ValueSource = z.infer<typeof ValueSourceSchema>;

/** How many issues of one kind (severity and column) an import found, listed or not. */
export const ImportIssueCountSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Column header as written (shortened); null for problems of a whole file or row. */
  column: z.string().nullable(),
  count: z.number().int(),
});
export type ImportIssueCount = z.infer<typeof ImportIssueCountSchema>;

export const ImportFileSummarySchema = z.object({
  file: z.string(),
  kind: z.enum(IMPORT_KINDS).nullable(),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  sha256: z.string(),
  /** Which family of file it was read as (absent in reports recorded before issue #13: a template). */
  format: z.enum(IMPORT_FORMATS).optional(),
});
export type ImportFileSummary = z.infer<typeof ImportFileSummarySchema>;

/**
 * What one teacher roster gave for one statistics year (issue #13): the figures analysts count by hand, shown in the
 * import report so they can check what was counted.
 */
export const RosterYearSummarySchema = z.object({
  file: z.string(),
  year: z.number().int(),
  /** Statistics date of the year (学年初, 1 September), ISO. */
  statisticsDate: z.string(),
  /** Years at the same school from which a teacher is eligible (the county setting; several when counties differ). */
  eligibleYears: z.array(z.number().int()),
  schools: z.number().int(),
  teachers: z.number().int(),
  eligibleTeachers: z.number().int(),
  /** 县级 or above. */
  backboneTeachers: z.number().int(),
  /** Rotations starting in the year (a teacher counted once) and the backbone teachers among them. */
  rotatedTeachers: z.number().int(),
  backboneRotated: z.number().int(),
  /** Statistics rows of this import whose 符合交流条件教师数 the roster gave. */
  statsInImport: z.number().int(),
  /** Stored statistics rows whose 符合交流条件教师数 the roster updates. */
  storedStatsUpdated: z.number().int(),
});
export type RosterYearSummary = z.infer<typeof RosterYearSummarySchema>;

export const ImportReportSchema = z.object({
  applied: z.boolean(),
  dryRun: z.boolean(),
  batchId: z.number().int().nullable(),
  files: z.array(ImportFileSummarySchema),
  /** The first located errors (at most 200, in file and row order); `errorCount` says how many there are in all. */
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
  // Defaults only for reports recorded before these fields existed (the server always sends them).
  errorCount: z.number().int().default(0),
  warningCount: z.number().int().default(0),
  /** Counts per kind of issue (severity and column), including those not listed. */
  issueCounts: z.array(ImportIssueCountSchema).default([]),
  /** Rows per kind found valid (or written, when applied). */
  counts: z.object({ schools: z.number().int(), school_stats: z.number().int(), rotations: z.number().int() }),
  /** More errors exist than are listed (the list is capped so a broken file still gives a readable report). */
  truncated: z.boolean(),
  /** Per teacher roster and year: what was derived from it (issue #13); absent when the import had no roster. */
  rosters: z.array(RosterYearSummarySchema).optional(),
  /**
   * A dry run with a column mapping (issue #13 point 3): the first valid rows of each kind, as they would be stored,
   * so the analyst sees the values the mapping gives before saving it.
   */
  preview: z
    .object({
      schools: z.array(SchoolRowSchema),
      stats: z.array(SchoolStatRowSchema),
      rotations: z.array(RotationRowSchema),
    })
    .optional(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Issues per severity accepted by the issue-list download (the import lists at most 1000 of each). */
export const MAX_EXPORTED_ISSUES = 5000;

/** One issue as sent back for the download: the report's own shape, with lengths capped. */
const ExportedIssueSchema = z.object({
  file: z.string().max(260),
  row: z.number().int().min(0).max(10_000_000).nullable(),
  column: z.string().max(200).nullable(),
  value: z.string().max(2000).nullable(),
  message: z.string().max(2000),
});

/**
 * Body of the issue-list download: the located errors and warnings of an import report, as the client received them
 * (the report is not stored, so the client sends it back and gets it as XLSX to pass on to the schools).
 */
export const ImportIssuesExportBodySchema = z.object({
  errors: z.array(ExportedIssueSchema).max(MAX_EXPORTED_ISSUES),
  warnings: z.array(ExportedIssueSchema).max(MAX_EXPORTED_ISSUES),
  /** The report listed only the first errors (more exist): the file says so. */
  truncated: z.boolean().default(false),
});
export type ImportIssuesExportBody = z.input<typeof ImportIssuesExportBodySchema>;

export const ImportIssuesExportQuerySchema = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const ImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export const TemplateParamsSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(['csv', 'xlsx']),
});

export const ImportBatchSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  source: z.enum(['api', 'cli', 'demo']),
  files: z.array(ImportFileSummarySchema),
  counts: z.record(z.string(), z.number().int()),
  /** null when `scoped`: the batch's warnings may concern rows outside the user's scope. */
  warnings: z.number().int().nullable(),
  /**
   * Shown to a user limited to some schools: `counts` are the batch's rows within that scope still held, and the
   * files (names, checksums, row counts of whole files) are left out, as they describe rows of others.
   */
  scoped: z.boolean().default(false),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;
export const ImportHistorySchema = z.object({ batches: z.array(ImportBatchSchema) });
export type ImportHistory = z.infer<typeof ImportHistorySchema>;
