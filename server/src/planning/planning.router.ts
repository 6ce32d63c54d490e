import type { Database } from '@junheng/db';
import { Router } from 'express';
import type { Kysely } from 'kysely';

/** Scorecard and county-year inputs, distance to pass, what-if. */
export function createPlanningRouter(_db: Kysely<Database>): Router {
  return Router();
}
