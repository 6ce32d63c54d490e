import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import type { ReportCache } from '../cache/report-cache.ts';
import { sendValidated } from '../http/respond.ts';
import { listDistricts, pingDatabase } from './districts.repository.ts';

export function createDistrictsRouter(db: Kysely<Database>, cache?: ReportCache): Router {
  const router = Router();
  router.get(routes.health.path, async (_req, res) => {
    await pingDatabase(db);
    sendValidated(res, routes.health.response, { status: 'ok' });
  });
  router.get(routes.listDistricts.path, async (_req, res) => {
    const access = accessOf(res);
    if (!cache) {
      sendValidated(res, routes.listDistricts.response, await listDistricts(db, access));
      return;
    }
    // Every view asks for the list first. With 2 900 counties it is ~370 KB and its years cost the database a probe
    // per county and year: kept per data version and user scope like a report, and sent compressed.
    const { value, ...cached } = await cache.get(`districts:${JSON.stringify(access)}`, () =>
      listDistricts(db, access),
    );
    if (res.app.locals.validateResponses === true) {
      sendValidated(res, routes.listDistricts.response, value);
      return;
    }
    res.type('application/json');
    res.vary('Accept-Encoding');
    if (res.req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(cached.gzip());
    } else {
      res.send(cached.json());
    }
  });
  return router;
}
