import type { Database } from '@junheng/db';
import { type AccessScope, routes, STAGE_LABELS } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import type { ReportCache } from '../cache/report-cache.ts';
import { labelCountyYear } from '../export/report-labels.ts';
import { indicatorDefinitions, sendReport } from '../export/send-report.ts';
import { sendTable } from '../export/send-table.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { findExportNotes } from '../notes/notes.service.ts';
import { getBalance, getBasicBalance, getRankings } from './balance.service.ts';
import {
  buildBalanceIndicatorTable,
  buildBalanceSchoolTable,
  buildBalanceSummaryTable,
  buildBasicBalanceTable,
  buildRankingTable,
} from './balance.tables.ts';
import { getBalanceSummary } from './balance-summary.service.ts';

export function createBalanceRouter(db: Kysely<Database>, cache: ReportCache): Router {
  const router = Router();
  /** A report from the cache, or computed: the key is everything asked except how the answer is formatted. */
  // The key holds the user's access scope: two users with different townships never share an answer.
  const cachedReport = async <T>(
    name: string,
    code: string,
    query: object,
    access: AccessScope,
    compute: () => Promise<T>,
  ) => {
    const { format: _f, bom: _b, lang: _l, table: _t, ...asked } = query as Record<string, unknown>;
    return cache.get(`${name}:${code}:${JSON.stringify(asked)}:${JSON.stringify(access)}`, compute);
  };

  router.get(routes.getBalance.path, async (req, res) => {
    const { code } = parseInput(routes.getBalance.params, req.params, 'params');
    const query = parseInput(routes.getBalance.query, req.query, 'query');
    const access = accessOf(res);
    const { value: body, ...cached } = await cachedReport('balance', code, query, access, () =>
      getBalance(db, code, query, access),
    );
    const report = {
      schema: routes.getBalance.response,
      body,
      cached,
      labels: (lang: 'zh' | 'en') => labelCountyYear(body, query.stage, lang),
      notes: (lang: 'zh' | 'en') => findExportNotes(db, { districtCode: code, access, year: query.year }, lang),
    };
    if (query.table === 'schools') {
      await sendReport(res, query, { ...report, table: (lang) => buildBalanceSchoolTable(body, lang) });
    } else {
      await sendReport(res, query, { ...report, table: (lang) => buildBalanceIndicatorTable(body, lang) });
    }
  });

  router.get(routes.getBasicBalance.path, async (req, res) => {
    const { code } = parseInput(routes.getBasicBalance.params, req.params, 'params');
    const query = parseInput(routes.getBasicBalance.query, req.query, 'query');
    const access = accessOf(res);
    const { value: body, ...cached } = await cachedReport('basic', code, query, access, () =>
      getBasicBalance(db, code, query, access),
    );
    await sendReport(res, query, {
      schema: routes.getBasicBalance.response,
      body,
      cached,
      labels: (lang) => labelCountyYear(body, query.stage, lang),
      table: (lang) => buildBasicBalanceTable(body, lang),
    });
  });

  router.get(routes.getRankings.path, async (req, res) => {
    const { code } = parseInput(routes.getRankings.params, req.params, 'params');
    const query = parseInput(routes.getRankings.query, req.query, 'query');
    const access = accessOf(res);
    const { value: body, ...cached } = await cachedReport('rankings', code, query, access, () =>
      getRankings(db, code, query, access),
    );
    await sendReport(res, query, {
      schema: routes.getRankings.response,
      body,
      cached,
      labels: (lang) => labelCountyYear(body, query.stage, lang),
      table: (lang) => buildRankingTable(body, lang, query.stage),
    });
  });

  router.get(routes.getBalanceSummary.path, async (req, res) => {
    const query = parseInput(routes.getBalanceSummary.query, req.query, 'query');
    const body = await getBalanceSummary(db, query, accessOf(res));
    if (query.format === 'json') {
      sendValidated(res, routes.getBalanceSummary.response, body);
      return;
    }
    const zh = query.lang === 'zh';
    await sendTable(res, query.format, { bom: query.bom }, buildBalanceSummaryTable(body, query.lang), {
      fileNameParts: [zh ? '各区县' : 'all-districts', zh ? STAGE_LABELS[query.stage].zh : query.stage],
      filters: [[zh ? '学段' : 'Stage', zh ? STAGE_LABELS[query.stage].zh : STAGE_LABELS[query.stage].en]],
      dataYears: `${query.from ?? ''}–${query.to ?? ''}`,
      generatedAt: new Date(),
      definitions: indicatorDefinitions(query.lang),
      lang: query.lang,
    });
  });

  return router;
}
