import { routes } from '@junheng/shared';
import { indicatorName } from '../export/indicator-labels.ts';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelYearRange } from '../export/report-labels.ts';
import { defineReport } from '../reports/define-report.ts';
import { getTrends } from './trends.service.ts';
import { buildTrendTable } from './trends.tables.ts';

/** One indicator over the years: CV, mean and the means per urban–rural class. */
export const trendsReport = defineReport({
  name: 'trends',
  route: routes.getTrends,
  load: (db, { params, query, access }) => getTrends(db, params.code, query, access),
  tables: (body, _query, lang) => buildTrendTable(body, lang),
  labels: (body, query, lang) =>
    labelYearRange(body, body, query.stage, lang, [
      [lang === 'zh' ? '指标' : 'Indicator', indicatorName(query.indicator, lang)],
    ]),
  definitions: (lang) => measureDefinitions(lang, ['urbanRural']),
  cache: true,
});
