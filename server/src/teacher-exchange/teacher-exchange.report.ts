import { routes } from '@junheng/shared';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelCountyYear, labelYearRange } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getTeacherExchange } from './teacher-exchange.service.ts';
import {
  addRotationConventions,
  buildRotationEffectTable,
  buildRotationFlowTable,
  buildRotationSchoolTable,
  buildRotationYearTable,
} from './teacher-exchange.tables.ts';

/** 教师交流轮岗: eligible and rotated teachers, flows between schools, the effect on the CVs, the years. */
export const teacherExchangeReport = defineReport({
  name: 'teacher-exchange',
  route: routes.getTeacherExchange,
  load: loadByCode(getTeacherExchange),
  tables: {
    schools: buildRotationSchoolTable,
    flows: buildRotationFlowTable,
    effect: buildRotationEffectTable,
    years: buildRotationYearTable,
  },
  labels: (body, lang, query) =>
    addRotationConventions(
      query.table === 'years'
        ? labelYearRange(body, { from: body.years[0] ?? body.year, to: body.years.at(-1) ?? body.year }, null, lang)
        : labelCountyYear(body, null, lang),
      body,
      lang,
    ),
  definitions: (lang) => measureDefinitions(lang, ['rotation']),
  cache: true,
});
