import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { getSchoolComparison, getYearOverYear } from '../comparison/comparison.service.ts';
import { buildSchoolComparisonTable, buildYearOverYearTable } from '../comparison/comparison.tables.ts';
import { labelCountyYear } from '../export/report-labels.ts';
import { sendReport } from '../export/send-report.ts';
import { parseInput } from '../http/validate.ts';

/** Side-by-side tables: schools × indicators, and the county this year vs last year vs first year. */
export function createComparisonRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getSchoolComparison.path, async (req, res) => {
    const { code } = parseInput(routes.getSchoolComparison.params, req.params, 'params');
    const query = parseInput(routes.getSchoolComparison.query, req.query, 'query');
    const body = await getSchoolComparison(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getSchoolComparison.response,
      body,
      labels: (lang) =>
        labelCountyYear(body, query.stage, lang, [
          [lang === 'zh' ? '对比学校' : 'Schools compared', body.schools.map((s) => s.name).join('、')],
        ]),
      table: (lang) => buildSchoolComparisonTable(body, lang),
    });
  });

  router.get(routes.getYearOverYear.path, async (req, res) => {
    const { code } = parseInput(routes.getYearOverYear.params, req.params, 'params');
    const query = parseInput(routes.getYearOverYear.query, req.query, 'query');
    const body = await getYearOverYear(db, code, query, accessOf(res));
    const { first, previous, current } = body.compared;
    const compared = [...new Set([first, previous, current].filter((y): y is number => y !== null))].join('、');
    await sendReport(res, query, {
      schema: routes.getYearOverYear.response,
      body,
      labels: (lang) => ({
        ...labelCountyYear(body, query.stage, lang, [[lang === 'zh' ? '对比年度' : 'Years compared', compared]]),
        dataYears: compared,
      }),
      table: (lang) => buildYearOverYearTable(body, lang),
    });
  });

  return router;
}
