import { balanceReport, balanceSummaryReport, basicBalanceReport, rankingsReport } from '../balance/balance.report.ts';
import { classSizeReport } from '../class-size/class-size.report.ts';
import { comparableCountiesReport, comparableSchoolsReport } from '../comparable/comparable.report.ts';
import { schoolComparisonReport, yearOverYearReport } from '../comparison/comparison.report.ts';
import { countyComparisonReport } from '../county-comparison/county-comparison.report.ts';
import { distanceToPassReport } from '../improve/improve.report.ts';
import { schoolProfileReport } from '../school-profile/school-profile.report.ts';
import { countyInputsReport, scorecardReport } from '../scorecard/scorecard.report.ts';
import { teacherExchangeReport } from '../teacher-exchange/teacher-exchange.report.ts';
import { trendsReport } from '../trends/trends.report.ts';
import { decompositionReport, equityReport, urbanRuralReport } from '../urban-rural/urban-rural.report.ts';
import type { Report } from './define-report.ts';

/** Every report the API serves (each GET that answers JSON, CSV or XLSX of one screen), run by `mountReports`. */
export const REPORTS: readonly Report[] = [
  balanceReport,
  basicBalanceReport,
  rankingsReport,
  balanceSummaryReport,
  urbanRuralReport,
  decompositionReport,
  equityReport,
  teacherExchangeReport,
  classSizeReport,
  trendsReport,
  schoolProfileReport,
  schoolComparisonReport,
  yearOverYearReport,
  comparableSchoolsReport,
  comparableCountiesReport,
  countyComparisonReport,
  scorecardReport,
  countyInputsReport,
  distanceToPassReport,
];
