import { routes, STAGE_LABELS } from '@junheng/shared';
import { labelCountyYearOfStage } from '../export/report-labels.ts';
import { findExportNotes } from '../notes/notes.service.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getBalance, getBasicBalance, getRankings } from './balance.service.ts';
import {
  buildBalanceIndicatorTable,
  buildBalanceSchoolTable,
  buildBalanceSummaryTable,
  buildBasicBalanceTable,
  buildRankingTable,
} from './balance.tables.ts';
import { getBalanceSummary } from './balance-summary.service.ts';

/** 资源配置 of a county-year: the CV of each indicator and each school's values. */
export const balanceReport = defineReport({
  name: 'balance',
  route: routes.getBalance,
  load: loadByCode(getBalance),
  tables: {
    indicators: buildBalanceIndicatorTable,
    schools: buildBalanceSchoolTable,
  },
  labels: labelCountyYearOfStage,
  notes: (db, _body, { params, query, access }, lang) =>
    findExportNotes(db, { districtCode: params.code, access, year: query.year }, lang),
  cache: true,
});

/** The 2012 基本均衡 report of a county-year. */
export const basicBalanceReport = defineReport({
  name: 'basic',
  route: routes.getBasicBalance,
  load: loadByCode(getBasicBalance),
  tables: buildBasicBalanceTable,
  labels: labelCountyYearOfStage,
  cache: true,
});

/** Schools ranked by one indicator. */
export const rankingsReport = defineReport({
  name: 'rankings',
  route: routes.getRankings,
  load: loadByCode(getRankings),
  tables: (body, lang, query) => buildRankingTable(body, lang, query.stage),
  labels: labelCountyYearOfStage,
  cache: true,
});

const stageLabel = (stage: keyof typeof STAGE_LABELS, lang: 'zh' | 'en') =>
  lang === 'zh' ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en;

/** The 资源配置 verdict of every county and year the user may see. */
export const balanceSummaryReport = defineReport({
  name: 'balance-summary',
  route: routes.getBalanceSummary,
  load: (db, { query, access }) => getBalanceSummary(db, query, access),
  tables: buildBalanceSummaryTable,
  labels: (_body, lang, query) => ({
    fileNameParts: [
      lang === 'zh' ? '各区县' : 'all-districts',
      lang === 'zh' ? STAGE_LABELS[query.stage].zh : query.stage,
    ],
    filters: [[lang === 'zh' ? '学段' : 'Stage', stageLabel(query.stage, lang)]],
    dataYears: `${query.from ?? ''}–${query.to ?? ''}`,
  }),
  cache: true,
});
