import { routes } from '@junheng/shared';
import { defineReport } from '../reports/define-report.ts';
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
  load: (db, { params, query, access }) => getComparableSchools(db, params.code, query, access),
  tables: {
    schools: (body, _query, lang) => buildComparableSchoolsTable(body, lang),
    standing: (body, _query, lang) => buildComparableStandingTable(body, lang),
  },
  labels: (body, query, lang) =>
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
  load: (db, { params, query, access }) => getComparableCounties(db, params.code, query, access),
  tables: (body, _query, lang) => buildComparableCountiesTable(body, lang),
  labels: (body, _query, lang) => labelComparableCounties(body, lang),
  cache: true,
});
