import { routes } from '@junheng/shared';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelCountyYear, labelYearRange } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getClassSize } from './class-size.service.ts';
import { buildClassSizeSchoolTable, buildClassSizeTrendTable } from './class-size.tables.ts';

/** 大班额与大校额: each school's classes and size this year, and the county's trend. */
export const classSizeReport = defineReport({
  name: 'class-size',
  route: routes.getClassSize,
  load: loadByCode(getClassSize),
  tables: {
    schools: buildClassSizeSchoolTable,
    trend: buildClassSizeTrendTable,
  },
  labels: (body, lang, query) =>
    query.table === 'trend'
      ? labelYearRange(
          body,
          { from: body.trend[0]?.year ?? body.year, to: body.trend.at(-1)?.year ?? body.year },
          query.stage,
          lang,
        )
      : labelCountyYear(body, query.stage, lang),
  definitions: (lang) => measureDefinitions(lang, ['classSize']),
  cache: true,
});
