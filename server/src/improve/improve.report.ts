import { routes } from '@junheng/shared';
import { labelCountyYear } from '../export/report-labels.ts';
import { defineReport } from '../reports/define-report.ts';
import { getDistanceToPass } from './improve.service.ts';
import { buildPlanTable, buildShortfallTable } from './improve.tables.ts';

/** Distance to pass: each school's shortfalls, and the least-addition plan of each failing CV. */
export const distanceToPassReport = defineReport({
  name: 'distance-to-pass',
  route: routes.getDistanceToPass,
  load: (db, { params, query, access }) => getDistanceToPass(db, params.code, query, access),
  tables: {
    shortfalls: (body, _query, lang) => buildShortfallTable(body, lang),
    plans: (body, _query, lang) => buildPlanTable(body, lang),
  },
  labels: (body, query, lang) => labelCountyYear(body, query.stage, lang),
  cache: true,
});
