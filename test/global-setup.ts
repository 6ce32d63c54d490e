import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, migrateToLatest, openPglite } from '@junheng/db';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { adminUrlFor, templateDatabaseName } from './helpers/real-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateUrl: string;
  }
}

/**
 * Migrates once into a template; every test file then gets its own copy (PGlite: the dumped data directory; real
 * PostgreSQL: CREATE DATABASE … TEMPLATE), the Immich getKyselyDB pattern.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const realUrl = process.env.TEST_DATABASE_URL;
  if (realUrl) {
    const templateName = templateDatabaseName(realUrl);
    const admin = await createDb({ databaseUrl: adminUrlFor(realUrl), poolSize: 1 });
    await sql`drop database if exists ${sql.id(templateName)}`.execute(admin.db);
    await sql`create database ${sql.id(templateName)}`.execute(admin.db);
    const templateUrl = withDatabase(realUrl, templateName);
    const template = await createDb({ databaseUrl: templateUrl, poolSize: 1 });
    await migrateToLatest(template.db);
    await template.close();
    project.provide('postgresTemplateUrl', templateUrl);
    project.provide('pgliteTemplatePath', '');
    return async () => {
      await sql`drop database if exists ${sql.id(templateName)}`.execute(admin.db);
      await admin.close();
    };
  }
  const pglite = await openPglite();
  const handle = await createDb({ pglite });
  await migrateToLatest(handle.db);
  const dump = await pglite.dumpDataDir('gzip');
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-template-'));
  const templatePath = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', templatePath);
  project.provide('postgresTemplateUrl', '');
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
