import { routes } from '@junheng/shared';
import { labelCountyYear } from '../export/report-labels.ts';
import { defineReport } from '../reports/define-report.ts';
import { getCountyInputs, getScorecard } from './scorecard.service.ts';
import { buildCountyInputsTable, buildScorecardTable } from './scorecard.tables.ts';

/** The 优质均衡 scorecard of a county-year. */
export const scorecardReport = defineReport({
  name: 'scorecard',
  route: routes.getScorecard,
  load: (db, { params, query, access }) => getScorecard(db, params.code, query, access),
  tables: (body, _query, lang) => buildScorecardTable(body, lang),
  labels: (body, _query, lang) => labelCountyYear(body, null, lang),
  cache: true,
});

/** The county-year inputs, entered or not (saving them bumps the data version and invalidates the cache). */
export const countyInputsReport = defineReport({
  name: 'county-inputs',
  route: routes.getCountyInputs,
  load: (db, { params, query, access }) => getCountyInputs(db, params.code, query.year, access),
  tables: (body, _query, lang) => buildCountyInputsTable(body, lang),
  labels: (body, _query, lang) => labelCountyYear(body, null, lang),
  cache: true,
});
