import type { Database, ImportBatchFile } from '@junheng/db';
import type { CountyDataset, ImportKind, ImportReport } from '@junheng/shared';
import type { Kysely, Transaction } from 'kysely';
import { refreshCountyQualitySums } from '../balance/balance-summary.repository.ts';
import { type DatasetSources, indexFiles } from '../provenance/value-sources.ts';
import {
  findCountyImportSettings,
  findSchoolDistricts,
  findSchoolParents,
  findStatsOfYears,
  findStoredSchoolIdentities,
  findYearsOfSchoolsInBatch,
  insertImportBatch,
  lockCountyWrites,
  replaceRotations,
  updateRotationEligibleTeachers,
  upsertSchoolEvents,
  upsertSchoolStats,
  upsertSchools,
} from './imports.repository.ts';
import {
  type ContextRequest,
  contextRequestOf,
  type ImportContext,
  type ParseOptions,
  parseImportFiles,
  type RotationEligibleUpdate,
  type UploadedImportFile,
  type ValidatedImport,
  validateParsedImport,
} from './validate-import.ts';

/** Reads, parses and validates files; asks `loadContext` for what the database holds of the years and counties named. */
export type ImportValidator = (
  files: readonly UploadedImportFile[],
  loadContext: (request: ContextRequest) => Promise<ImportContext>,
  options?: ParseOptions,
) => Promise<ValidatedImport>;

/** On the calling thread (the CLI; the server validates in a worker thread: see import-workers.ts). */
export const validateOnThisThread: ImportValidator = async (files, loadContext, options) => {
  const parsed = await parseImportFiles(files, options);
  return validateParsedImport(parsed, await loadContext(contextRequestOf(parsed)));
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
  const loadContext = async (request: ContextRequest): Promise<ImportContext> => {
    // The counties the import reaches: those its school rows give, and those of the stored schools it names (a school
    // code of another county is then known, and a scoped importer gets a located error for it).
    const named = await findSchoolDistricts(db, { codes: request.schoolCodes });
    const districts = [...new Set([...request.districts, ...named.values()])];
    const [previousStats, schoolDistricts, countySettings, storedSchools, schoolParents, storedStats] =
      await Promise.all([
        // The year before of the schools named (the year-on-year checks); the closure warnings read storedSchools.
        findStatsOfYears(
          db,
          request.statYears.map((y) => y - 1),
          request.schoolCodes,
        ),
        // Every school of those counties: it keys teacher numbers (per county and year) and confines a scoped importer.
        findSchoolDistricts(db, { districts }),
        findCountyImportSettings(db, districts),
        findStoredSchoolIdentities(db, districts, request.statYears),
        findSchoolParents(db, districts),
        // Teacher rosters (issue #13) update the stored statistics of their years when no statistics file comes along.
        findStatsOfYears(db, request.rosterYears, request.schoolCodes),
      ]);
    return {
      knownSchoolCodes: new Set(schoolDistricts.keys()),
      previousStats: indexStats(previousStats),
      schoolDistricts,
      countySettings,
      storedSchools,
      schoolParents,
      storedStats: indexStats(storedStats),
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
    ...(validated.rosterSummaries.length > 0 ? { rosters: validated.rosterSummaries } : {}),
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

  const batchId = await db
    .transaction()
    .execute((trx) =>
      applyDataset(
        trx,
        validated,
        { source: options.source, files: validated.files, warnings: validated.warningCount },
        validated.sources,
      ),
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
  dataset: CountyDataset & { rotationEligibleUpdates?: readonly RotationEligibleUpdate[] },
  batch: { source: 'api' | 'cli' | 'demo'; files: ImportBatchFile[]; warnings: number },
  sources?: DatasetSources,
): Promise<number> {
  const counties = countiesTouched(dataset, await findSchoolDistricts(trx, { codes: schoolCodesOf(dataset) }));
  await lockCountyWrites(trx, counties);
  const batchId = await insertImportBatch(trx, {
    ...batch,
    counts: {
      schools: dataset.schools.length,
      school_stats: dataset.stats.length,
      rotations: dataset.rotations.length,
    },
  });
  // Provenance (issue #13) is written with the values, in the same transaction; file indices point into batch.files.
  const fileIndex = indexFiles(batch.files);
  await upsertSchools(trx, dataset.schools, batchId, sources && { rows: sources.schools, fileIndex });
  await upsertSchoolStats(trx, dataset.stats, batchId, sources && { rows: sources.stats, fileIndex });
  await replaceRotations(trx, dataset.rotations, batchId);
  await upsertSchoolEvents(trx, dataset.schoolEvents ?? [], batchId);
  await updateRotationEligibleTeachers(trx, dataset.rotationEligibleUpdates ?? []);
  // The stored county-year sums of what changed: the years of the new school-years and every year of a school whose
  // row was written (its type, ownership or county may have changed), in every county it was or is in.
  const years = new Set(dataset.stats.map((s) => s.year));
  if (dataset.schools.length > 0) for (const year of await findYearsOfSchoolsInBatch(trx, batchId)) years.add(year);
  await refreshCountyQualitySums(trx, { districts: [...counties].sort(), years: [...years].sort((a, b) => a - b) });
  return batchId;
}

/** Every school code the dataset writes or refers to. */
function schoolCodesOf(dataset: CountyDataset & { rotationEligibleUpdates?: readonly RotationEligibleUpdate[] }) {
  return [
    ...new Set([
      ...dataset.schools.map((s) => s.schoolCode),
      ...dataset.stats.map((s) => s.schoolCode),
      ...(dataset.rotationEligibleUpdates ?? []).map((u) => u.schoolCode),
      ...dataset.rotations.flatMap((r) => [r.fromSchoolCode, r.toSchoolCode]),
    ]),
  ];
}

function countiesTouched(
  dataset: CountyDataset & { rotationEligibleUpdates?: readonly RotationEligibleUpdate[] },
  stored: ReadonlyMap<string, string>,
): Set<string> {
  const counties = new Set(dataset.schools.map((s) => s.districtCode));
  for (const district of stored.values()) counties.add(district);
  return counties;
}

function indexStats<T extends { schoolCode: string; year: number }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [`${r.schoolCode}:${r.year}`, r]));
}
