import { createHash } from 'node:crypto';
import { type Database, datasetToCsvFiles, generateDemoCounty, generateDemoPeers } from '@junheng/db';
import type { CountyDataset } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { countRows } from '../imports/imports.repository.ts';
import { applyDataset } from '../imports/imports.service.ts';

/**
 * Loads the bundled demo when the database has no schools and has never had an import: 澄川县 and the other counties
 * of its fictional city (so that a new user sees the county comparison), in one batch.
 */
export async function loadDemoCountyIfEmpty(
  db: Kysely<Database>,
): Promise<{ district: string; schools: number; stats: number; rotations: number } | undefined> {
  const counts = await countRows(db);
  if (counts.schools > 0 || counts.batches > 0) return undefined;
  const county = generateDemoCounty();
  const peers = generateDemoPeers();
  const demo: CountyDataset = {
    schools: [county, ...peers].flatMap((d) => d.schools),
    stats: [county, ...peers].flatMap((d) => d.stats),
    rotations: [county, ...peers].flatMap((d) => d.rotations),
    schoolEvents: [county, ...peers].flatMap((d) => d.schoolEvents ?? []),
  };
  const csv = datasetToCsvFiles(demo);
  const files = Object.entries(csv).map(([file, text]) => ({
    file: `demo/${file}`,
    kind: file.replace('.csv', ''),
    encoding: 'utf-8',
    rows: text.split('\r\n').length - 2,
    sha256: createHash('sha256').update(text).digest('hex'),
  }));
  await db.transaction().execute((trx) => applyDataset(trx, demo, { source: 'demo', files, warnings: 0 }));
  return {
    district: [county, ...peers].map((d) => `${d.district.code} ${d.district.name}`).join('、'),
    schools: demo.schools.length,
    stats: demo.stats.length,
    rotations: demo.rotations.length,
  };
}
