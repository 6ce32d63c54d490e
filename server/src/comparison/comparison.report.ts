import { routes } from '@junheng/shared';
import { labelCountyYear } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getSchoolComparison, getYearOverYear } from './comparison.service.ts';
import { buildSchoolComparisonTable, buildYearOverYearTable } from './comparison.tables.ts';

/** Schools × indicators, side by side. */
export const schoolComparisonReport = defineReport({
  name: 'school-comparison',
  route: routes.getSchoolComparison,
  load: loadByCode(getSchoolComparison),
  tables: buildSchoolComparisonTable,
  labels: (body, lang, query) =>
    labelCountyYear(body, query.stage, lang, [
      [lang === 'zh' ? '对比学校' : 'Schools compared', body.schools.map((s) => s.name).join('、')],
    ]),
  cache: true,
});

/** The county this year vs last year vs the first year. */
export const yearOverYearReport = defineReport({
  name: 'year-over-year',
  route: routes.getYearOverYear,
  load: loadByCode(getYearOverYear),
  tables: buildYearOverYearTable,
  labels: (body, lang, query) => {
    const { first, previous, current } = body.compared;
    const compared = [...new Set([first, previous, current].filter((y): y is number => y !== null))].join('、');
    return {
      ...labelCountyYear(body, query.stage, lang, [[lang === 'zh' ? '对比年度' : 'Years compared', compared]]),
      dataYears: compared,
    };
  },
  cache: true,
});
