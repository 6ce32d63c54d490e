import type { Database } from '@junheng/db';
import { routes, STAGE_LABELS } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { indicatorDefinitions } from '../export/send-report.ts';
import { sendTable } from '../export/send-table.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { getCountyComparison } from './county-comparison.service.ts';
import { buildCountyComparisonTable } from './county-comparison.tables.ts';

export function createCountyComparisonRouter(db: Kysely<Database>): Router {
  const router = Router();
  router.get(routes.getCountyComparison.path, async (req, res) => {
    const query = parseInput(routes.getCountyComparison.query, req.query, 'query');
    const body = await getCountyComparison(db, query, accessOf(res));
    if (query.format === 'json') {
      sendValidated(res, routes.getCountyComparison.response, body);
      return;
    }
    const zh = query.lang === 'zh';
    const stage = zh ? STAGE_LABELS[query.stage].zh : STAGE_LABELS[query.stage].en;
    const city = body.cities.find((c) => c.code === body.city);
    await sendTable(res, query.format, { bom: query.bom }, buildCountyComparisonTable(body, query.lang), {
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
      generatedAt: new Date(),
      definitions: indicatorDefinitions(query.lang),
      lang: query.lang,
    });
  });
  return router;
}
