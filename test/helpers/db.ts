import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createDb, type DatabaseHandle, openPglite } from '@junheng/db';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { adminUrlFor, databaseOf } from './real-postgres.ts';

export type TestDatabase = DatabaseHandle;

/**
 * A fresh, migrated, empty database for one test file: a copy of the template made by global-setup, on PGlite by
 * default or on the real PostgreSQL named by TEST_DATABASE_URL. `close()` destroys it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = inject('postgresTemplateUrl');
  if (templateUrl) return cloneRealPostgres(templateUrl);
  const dump = fs.readFileSync(inject('pgliteTemplatePath'));
  const pglite = await openPglite({ loadDataDir: new Blob([dump]) });
  return createDb({ pglite });
}

async function cloneRealPostgres(templateUrl: string): Promise<TestDatabase> {
  const name = `${databaseOf(templateUrl).replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ databaseUrl: adminUrlFor(templateUrl), poolSize: 1 });
  await sql`create database ${sql.id(name)} template ${sql.id(databaseOf(templateUrl))}`.execute(admin.db);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
      await admin.close();
    },
  };
}

export const usingRealPostgres = (): boolean => inject('postgresTemplateUrl') !== '';
