import { routes } from '@junheng/shared';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getComparableCounties, getComparableSchools } from './comparable.service.ts';
import {
  buildComparableCountiesTable,
  buildComparableSchoolsTable,
  buildComparableStandingTable,
  labelComparableCounties,
  labelComparableSchools,
} from './comparable.tables.ts';

/** The most similar schools of a school (issue #14), and where it stands among them. */
export const comparableSchoolsReport = defineReport({
  name: 'comparable-schools',
  route: routes.getComparableSchools,
  load: loadByCode(getComparableSchools),
  tables: {
    schools: buildComparableSchoolsTable,
    standing: buildComparableStandingTable,
  },
  labels: (body, lang, query) =>
    labelComparableSchools(
      body,
      query.table === 'standing' ? buildComparableStandingTable(body, lang) : buildComparableSchoolsTable(body, lang),
      lang,
    ),
  cache: true,
});

/** The most similar counties of a county (issue #14). */
export const comparableCountiesReport = defineReport({
  name: 'comparable-counties',
  route: routes.getComparableCounties,
  load: loadByCode(getComparableCounties),
  tables: buildComparableCountiesTable,
  labels: labelComparableCounties,
  cache: true,
});
