import { routes } from '@junheng/shared';
import { indicatorFilter } from '../export/indicator-labels.ts';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelYearRange } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getTrends } from './trends.service.ts';
import { buildTrendTable } from './trends.tables.ts';

/** One indicator over the years: CV, mean and the means per urban–rural class. */
export const trendsReport = defineReport({
  name: 'trends',
  route: routes.getTrends,
  load: loadByCode(getTrends),
  tables: buildTrendTable,
  labels: (body, lang, query) =>
    labelYearRange(body, body, query.stage, lang, [indicatorFilter(query.indicator, lang)]),
  definitions: (lang) => measureDefinitions(lang, ['urbanRural']),
  cache: true,
});
