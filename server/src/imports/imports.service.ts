import type { Database, ImportBatchFile } from '@junheng/db';
import type { CountyDataset, ImportKind, ImportReport } from '@junheng/shared';
import type { Kysely, Transaction } from 'kysely';
import {
  findAllSchoolCodes,
  findCountyImportSettings,
  findSchoolDistricts,
  findStatsOfYears,
  insertImportBatch,
  lockCountyWrites,
  replaceRotations,
  upsertSchoolStats,
  upsertSchools,
} from './imports.repository.ts';
import {
  type ImportContext,
  type ParseOptions,
  parseImportFiles,
  statYearsOf,
  type UploadedImportFile,
  type ValidatedImport,
  validateParsedImport,
} from './validate-import.ts';

/** Reads, parses and validates files; asks `loadContext` for what the database holds for the statistics years. */
export type ImportValidator = (
  files: readonly UploadedImportFile[],
  loadContext: (statYears: number[]) => Promise<ImportContext>,
  options?: ParseOptions,
) => Promise<ValidatedImport>;

/** On the calling thread (the CLI; the server validates in a worker thread: see import-workers.ts). */
export const validateOnThisThread: ImportValidator = async (files, loadContext, options) => {
  const parsed = await parseImportFiles(files, options);
  return validateParsedImport(parsed, await loadContext(statYearsOf(parsed)));
};

export interface ImportOptions {
  dryRun: boolean;
  source: 'api' | 'cli';
  /** Set for an administrator scoped to a set of districts: rows of any other district are rejected. */
  allowedDistricts?: readonly string[] | null;
  /** Where files are read and validated (default: on this thread). */
  validate?: ImportValidator;
  /** Saved column mappings to try on unrecognised tables (issue #13). */
  parseOptions?: ParseOptions;
  /** A dry run lists this many of the first valid rows of each kind (the column-mapping preview, issue #13). */
  preview?: number;
}

/**
 * Validates every file, then applies all of them in one transaction, or nothing: any error (or a dry run) leaves the
 * database exactly as it was.
 */
export async function runImport(
  db: Kysely<Database>,
  files: UploadedImportFile[],
  options: ImportOptions,
): Promise<ImportReport> {
  const allowedDistricts = options.allowedDistricts ?? undefined;
  const loadContext = async (statYears: number[]): Promise<ImportContext> => {
    // Every stored school's county: it keys teacher numbers (per county and year) and confines a scoped importer.
    const [knownSchoolCodes, previousStats, schoolDistricts, countySettings] = await Promise.all([
      findAllSchoolCodes(db),
      findStatsOfYears(
        db,
        statYears.map((y) => y - 1),
      ),
      findSchoolDistricts(db),
      findCountyImportSettings(db),
    ]);
    return {
      knownSchoolCodes,
      previousStats: indexStats(previousStats),
      schoolDistricts,
      countySettings,
      ...(allowedDistricts === undefined ? {} : { allowedDistricts: [...allowedDistricts] }),
    };
  };
  const validated = await (options.validate ?? validateOnThisThread)(files, loadContext, options.parseOptions);
  const counts: Record<ImportKind, number> = {
    schools: validated.schools.length,
    school_stats: validated.stats.length,
    rotations: validated.rotations.length,
  };
  const report: ImportReport = {
    applied: false,
    dryRun: options.dryRun,
    batchId: null,
    files: validated.files,
    errors: validated.errors,
    warnings: validated.warnings,
    errorCount: validated.errorCount,
    warningCount: validated.warningCount,
    issueCounts: validated.issueCounts,
    counts,
    truncated: validated.truncated,
  };
  if (options.dryRun && options.preview) {
    const n = options.preview;
    report.preview = {
      schools: validated.schools.slice(0, n),
      stats: validated.stats.slice(0, n),
      rotations: validated.rotations.slice(0, n),
    };
  }
  if (options.dryRun || validated.errorCount > 0) return report;

  const batchId = await db.transaction().execute((trx) =>
    applyDataset(trx, validated, {
      source: options.source,
      files: validated.files,
      warnings: validated.warningCount,
    }),
  );
  return { ...report, applied: true, batchId };
}

/**
 * Writes a validated dataset inside the caller's transaction and returns the import batch id. Writes of one county
 * are serialised: first every county the dataset touches is locked (those its schools name, and those the schools
 * it refers to belong to now), so the batch ids follow the order in which the imports were applied.
 */
export async function applyDataset(
  trx: Transaction<Database>,
  dataset: CountyDataset,
  batch: { source: 'api' | 'cli' | 'demo'; files: ImportBatchFile[]; warnings: number },
): Promise<number> {
  await lockCountyWrites(trx, countiesTouched(dataset, await findSchoolDistricts(trx)));
  const batchId = await insertImportBatch(trx, {
    ...batch,
    counts: {
      schools: dataset.schools.length,
      school_stats: dataset.stats.length,
      rotations: dataset.rotations.length,
    },
  });
  await upsertSchools(trx, dataset.schools, batchId);
  await upsertSchoolStats(trx, dataset.stats, batchId);
  await replaceRotations(trx, dataset.rotations, batchId);
  return batchId;
}

function countiesTouched(dataset: CountyDataset, stored: ReadonlyMap<string, string>): Set<string> {
  const counties = new Set(dataset.schools.map((s) => s.districtCode));
  const codes = [
    ...dataset.schools.map((s) => s.schoolCode),
    ...dataset.stats.map((s) => s.schoolCode),
    ...dataset.rotations.flatMap((r) => [r.fromSchoolCode, r.toSchoolCode]),
  ];
  for (const code of codes) {
    const district = stored.get(code);
    if (district !== undefined) counties.add(district);
  }
  return counties;
}

function indexStats<T extends { schoolCode: string; year: number }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [`${r.schoolCode}:${r.year}`, r]));
}
