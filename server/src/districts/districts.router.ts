import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { sendValidated } from '../http/respond.ts';
import { listDistricts, pingDatabase } from './districts.repository.ts';

export function createDistrictsRouter(db: Kysely<Database>): Router {
  const router = Router();
  router.get(routes.health.path, async (_req, res) => {
    await pingDatabase(db);
    sendValidated(res, routes.health.response, { status: 'ok' });
  });
  router.get(routes.listDistricts.path, async (_req, res) => {
    sendValidated(res, routes.listDistricts.response, await listDistricts(db, accessOf(res)));
  });
  return router;
}
