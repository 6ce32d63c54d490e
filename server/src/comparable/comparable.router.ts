import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { sendReport } from '../export/send-report.ts';
import { parseInput } from '../http/validate.ts';
import { getComparableCounties, getComparableSchools } from './comparable.service.ts';
import {
  buildComparableCountiesTable,
  buildComparableSchoolsTable,
  buildComparableStandingTable,
  labelComparableCounties,
  labelComparableSchools,
} from './comparable.tables.ts';

/** Comparator sets: the most similar schools of a school, the most similar counties of a county (issue #14). */
export function createComparableRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getComparableSchools.path, async (req, res) => {
    const { code } = parseInput(routes.getComparableSchools.params, req.params, 'params');
    const query = parseInput(routes.getComparableSchools.query, req.query, 'query');
    const body = await getComparableSchools(db, code, query, accessOf(res));
    const common = { schema: routes.getComparableSchools.response, body };
    if (query.table === 'standing') {
      await sendReport(res, query, {
        ...common,
        labels: (lang) => labelComparableSchools(body, buildComparableStandingTable(body, lang), lang),
        table: (lang) => buildComparableStandingTable(body, lang),
      });
      return;
    }
    await sendReport(res, query, {
      ...common,
      labels: (lang) => labelComparableSchools(body, buildComparableSchoolsTable(body, lang), lang),
      table: (lang) => buildComparableSchoolsTable(body, lang),
    });
  });

  router.get(routes.getComparableCounties.path, async (req, res) => {
    const { code } = parseInput(routes.getComparableCounties.params, req.params, 'params');
    const query = parseInput(routes.getComparableCounties.query, req.query, 'query');
    const body = await getComparableCounties(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getComparableCounties.response,
      body,
      labels: (lang) => labelComparableCounties(body, lang),
      table: (lang) => buildComparableCountiesTable(body, lang),
    });
  });

  return router;
}
