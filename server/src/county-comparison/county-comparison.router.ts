import type { Database } from '@junheng/db';
import { routes, STAGE_LABELS } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import type { ReportCache } from '../cache/report-cache.ts';
import { sendReport } from '../export/send-report.ts';
import { parseInput } from '../http/validate.ts';
import { getCountyComparison } from './county-comparison.service.ts';
import { buildCountyComparisonTable } from './county-comparison.tables.ts';

export function createCountyComparisonRouter(db: Kysely<Database>, cache: ReportCache): Router {
  const router = Router();
  router.get(routes.getCountyComparison.path, async (req, res) => {
    const query = parseInput(routes.getCountyComparison.query, req.query, 'query');
    const access = accessOf(res);
    // As the county reports: one computation per question and data version, whatever the format asked; the key holds
    // the user's access scope, so users who see different counties never share an answer.
    const { format: _f, bom: _b, lang: _l, ...asked } = query;
    const { value: body, ...cached } = await cache.get(
      `county-comparison:${JSON.stringify(asked)}:${JSON.stringify(access)}`,
      () => getCountyComparison(db, query, access),
    );
    await sendReport(res, query, {
      schema: routes.getCountyComparison.response,
      body,
      cached,
      labels: (lang) => {
        const zh = lang === 'zh';
        const stage = zh ? STAGE_LABELS[query.stage].zh : STAGE_LABELS[query.stage].en;
        const city = body.cities.find((c) => c.code === body.city);
        return {
          fileNameParts: [
            zh ? '多县对比' : 'county-comparison',
            ...(city ? [city.name ?? city.code] : []),
            String(body.year ?? ''),
            stage,
          ],
          filters: [
            [zh ? '学段' : 'Stage', stage],
            ...(city ? [[zh ? '地市' : 'City', `${city.name ?? ''} ${city.code}`.trim()] as [string, string]] : []),
          ],
          dataYears: String(body.year ?? ''),
        };
      },
      table: (lang) => buildCountyComparisonTable(body, lang),
    });
  });
  return router;
}
