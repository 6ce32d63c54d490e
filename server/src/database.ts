import fs from 'node:fs';
import path from 'node:path';
import { createDb, type Database, type DatabaseHandle, migrateToLatest } from '@junheng/db';
import type { Kysely } from 'kysely';
import { refreshCountyQualitySums } from './balance/balance-summary.repository.ts';
import type { Config } from './config.ts';

/**
 * Opens the configured database and migrates it. PGlite allows one process per data directory, so the embedded path
 * takes a lock file and refuses to start beside a live server instead of corrupting the data.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const handle = await createDb({ databaseUrl: config.databaseUrl });
    await migrateOrClose(handle);
    return handle;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(config.dataDir);
  try {
    const handle = await createDb({ dataDir: config.dataDir });
    await migrateOrClose(handle);
    const close = handle.close;
    return {
      ...handle,
      close: async () => {
        await close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** What the migrations derive from stored data, computed by the server's own code. */
export const MIGRATION_BACKFILLS = {
  countyQualitySums: (db: Kysely<Database>) => refreshCountyQualitySums(db, { districts: null, years: null }),
};

async function migrateOrClose(handle: DatabaseHandle): Promise<void> {
  try {
    await migrateToLatest(handle.db, MIGRATION_BACKFILLS);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'junheng.lock');
  const holder = readLockHolder(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `数据目录 ${dataDir} 正被进程 ${holder} 使用（内嵌数据库只允许一个进程）。请先停止服务器。\n` +
        `The data directory is in use by process ${holder}; the embedded database allows one process. Stop it first.`,
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readLockHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
