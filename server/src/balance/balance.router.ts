import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { sendReport } from '../export/send-report.ts';
import { parseInput } from '../http/validate.ts';
import { getBalance, getBasicBalance, getRankings } from './balance.service.ts';
import {
  buildBalanceIndicatorTable,
  buildBalanceSchoolTable,
  buildBasicBalanceTable,
  buildRankingTable,
} from './balance.tables.ts';

export function createBalanceRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getBalance.path, async (req, res) => {
    const { code } = parseInput(routes.getBalance.params, req.params, 'params');
    const query = parseInput(routes.getBalance.query, req.query, 'query');
    const body = await getBalance(db, code, query);
    const report = { schema: routes.getBalance.response, body, context: body, stage: query.stage };
    if (query.table === 'schools') {
      await sendReport(res, query, { ...report, table: (lang) => buildBalanceSchoolTable(body, lang) });
    } else {
      await sendReport(res, query, { ...report, table: (lang) => buildBalanceIndicatorTable(body, lang) });
    }
  });

  router.get(routes.getBasicBalance.path, async (req, res) => {
    const { code } = parseInput(routes.getBasicBalance.params, req.params, 'params');
    const query = parseInput(routes.getBasicBalance.query, req.query, 'query');
    const body = await getBasicBalance(db, code, query);
    await sendReport(res, query, {
      schema: routes.getBasicBalance.response,
      body,
      context: body,
      stage: query.stage,
      table: (lang) => buildBasicBalanceTable(body, lang),
    });
  });

  router.get(routes.getRankings.path, async (req, res) => {
    const { code } = parseInput(routes.getRankings.params, req.params, 'params');
    const query = parseInput(routes.getRankings.query, req.query, 'query');
    const body = await getRankings(db, code, query);
    await sendReport(res, query, {
      schema: routes.getRankings.response,
      body,
      context: body,
      stage: query.stage,
      table: (lang) => buildRankingTable(body, lang, query.stage),
    });
  });

  return router;
}
