import { routes } from '@junheng/shared';
import { labelCountyYearOfStage } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getDistanceToPass } from './improve.service.ts';
import { buildPlanTable, buildShortfallTable } from './improve.tables.ts';

/** Distance to pass: each school's shortfalls, and the least-addition plan of each failing CV. */
export const distanceToPassReport = defineReport({
  name: 'distance-to-pass',
  route: routes.getDistanceToPass,
  load: loadByCode(getDistanceToPass),
  tables: {
    shortfalls: buildShortfallTable,
    plans: buildPlanTable,
  },
  labels: labelCountyYearOfStage,
  cache: true,
});
