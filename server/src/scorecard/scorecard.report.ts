import { routes } from '@junheng/shared';
import { labelCountyYearOfBothStages } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getCountyInputs, getScorecard } from './scorecard.service.ts';
import { buildCountyInputsTable, buildScorecardTable } from './scorecard.tables.ts';

/** The 优质均衡 scorecard of a county-year. */
export const scorecardReport = defineReport({
  name: 'scorecard',
  route: routes.getScorecard,
  load: loadByCode(getScorecard),
  tables: buildScorecardTable,
  labels: labelCountyYearOfBothStages,
  cache: true,
});

/** The county-year inputs, entered or not (saving them bumps the data version and invalidates the cache). */
export const countyInputsReport = defineReport({
  name: 'county-inputs',
  route: routes.getCountyInputs,
  load: (db, { params, query, access }) => getCountyInputs(db, params.code, query.year, access),
  tables: buildCountyInputsTable,
  labels: labelCountyYearOfBothStages,
  cache: true,
});
