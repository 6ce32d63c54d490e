import type { Database } from '@junheng/db';
import { Router } from 'express';
import type { Kysely } from 'kysely';

/** Urban–rural, decomposition, equity, teacher exchange, trends and school profiles. */
export function createAnalysisRouter(_db: Kysely<Database>): Router {
  return Router();
}
