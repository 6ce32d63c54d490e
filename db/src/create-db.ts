import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes the pool or the embedded database (flushing PGlite to disk). Idempotent. */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres://… → real PostgreSQL; absent → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent → in memory. */
  dataDir?: string | undefined;
  /** An already opened PGlite (tests clone a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// pg returns int8 (count(*)) and numeric as strings to avoid precision loss; our values fit a double.
pg.types.setTypeParser(INT8_OID, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number.parseFloat(v));

const PGLITE_PARSERS = {
  [INT8_OID]: (v: string) => Number.parseInt(v, 10),
  [NUMERIC_OID]: (v: string) => Number.parseFloat(v),
};

/** Opens PGlite: persisted in `dataDir`, in memory without it, or restored from a `dumpDataDir` archive. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: PGLITE_PARSERS,
    // 32 MB of shared buffers instead of 128: the data files are read through the operating system's cache anyway,
    // and the 96 MB saved keep the server with an import worker under its 600 MB budget (issue #10).
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
}

const POOLS = new WeakMap<Kysely<Database>, pg.Pool>();

/**
 * The node-postgres pool behind a database opened by createDb on a PostgreSQL server, for what Kysely does not
 * speak (COPY … TO STDOUT); undefined on PGlite.
 */
export function findPostgresPool(db: Kysely<Database>): pg.Pool | undefined {
  return POOLS.get(db);
}

export async function createDb(options: CreateDbOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection that the server closes (restart, failover, admin) must not crash the process: the pool drops
    // it and the next query opens a new one (node-postgres documents this listener as required).
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    POOLS.set(db, pool);
    return { db, kind: 'postgres', close: once(() => db.destroy()) };
  }
  const pglite = options.pglite ?? (await openPglite(options.dataDir ? { dataDir: options.dataDir } : {}));
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: once(() => db.destroy()) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
