import type { StoredValueSource } from '@junheng/db';
import type { ValueSource } from '@junheng/shared';

/** Sources of the values of one imported row, by canonical field. */
export type RowSources = Readonly<Record<string, ValueSource>>;

/**
 * Provenance of a validated import, keyed like the rows it describes: statistics by `${schoolCode}:${year}`, schools
 * by school code. A row without an entry has no recorded source. Readers that merge several rows into one (a roster's
 * facts into a school-year, a 教学点 into its parent) merge their sources under the same key.
 */
export interface DatasetSources {
  stats: Map<string, RowSources>;
  schools: Map<string, RowSources>;
}

export const statSourceKey = (schoolCode: string, year: number) => `${schoolCode}:${year}`;

/**
 * The compact stored form: `[index of the file in the batch's file list, sheet, cell, label]`. Files the batch does
 * not list (should not happen) are dropped rather than stored with a wrong index.
 */
export function encodeRowSources(
  sources: RowSources,
  fileIndex: ReadonlyMap<string, number>,
): Record<string, StoredValueSource> | null {
  const out: Record<string, StoredValueSource> = {};
  let any = false;
  for (const [field, source] of Object.entries(sources)) {
    const index = fileIndex.get(source.file);
    if (index === undefined) continue;
    out[field] = [index, source.sheet, source.cell, source.label ?? null];
    any = true;
  }
  return any ? out : null;
}

/** Back from the stored form, naming the file from the batch's file list (null when the index is out of range). */
export function decodeStoredSource(stored: StoredValueSource, files: readonly { file: string }[]): ValueSource | null {
  const [index, sheet, cell, label] = stored;
  const file = files[index]?.file;
  if (file === undefined) return null;
  return { file, sheet, cell, label };
}

/** File name → index in the batch's file list (the first file of a name, if two have the same name). */
export function indexFiles(files: readonly { file: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  files.forEach((f, i) => {
    if (!index.has(f.file)) index.set(f.file, i);
  });
  return index;
}
