import { routes } from '@junheng/shared';
import { indicatorFilter } from '../export/indicator-labels.ts';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelCountyYear, labelCountyYearOfStage } from '../export/report-labels.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getDecomposition, getEquity, getUrbanRural } from './urban-rural.service.ts';
import {
  buildContributionTable,
  buildDecompositionGroupTable,
  buildDecompositionRowTable,
  buildEquityTable,
  buildTownshipComparisonTable,
  buildUrbanRuralGroupTable,
  buildUrbanRuralRatioTable,
} from './urban-rural.tables.ts';

const GROUPING_LABELS = {
  locale: { zh: '按城乡分组', en: 'by urban–rural class' },
  township: { zh: '按乡镇分组', en: 'by township' },
  group: { zh: '按学区集团分组', en: 'by school group' },
} as const;

/** Urban–rural groups and ratios, the CV decomposition by class, and the townships side by side. */
export const urbanRuralReport = defineReport({
  name: 'urban-rural',
  route: routes.getUrbanRural,
  load: loadByCode(getUrbanRural),
  tables: {
    groups: buildUrbanRuralGroupTable,
    ratios: buildUrbanRuralRatioTable,
    decomposition: (body, lang) =>
      buildDecompositionRowTable(body.decomposition, lang, { zh: '城乡差异分解', en: 'Decomposition' }),
    townships: buildTownshipComparisonTable,
  },
  labels: labelCountyYearOfStage,
  definitions: (lang) => measureDefinitions(lang, ['urbanRural', 'decomposition']),
  cache: true,
});

/** CV² split within and between groups (urban–rural class, township or school group), and each school's part. */
export const decompositionReport = defineReport({
  name: 'decomposition',
  route: routes.getDecomposition,
  load: loadByCode(getDecomposition),
  tables: {
    groups: buildDecompositionGroupTable,
    contributions: buildContributionTable,
  },
  labels: (body, lang, query) =>
    labelCountyYear(body, query.stage, lang, [
      indicatorFilter(query.indicator, lang),
      [lang === 'zh' ? '分组' : 'Grouping', GROUPING_LABELS[query.by][lang]],
    ]),
  definitions: (lang) => measureDefinitions(lang, ['decomposition']),
  cache: true,
});

/** Gini, Theil, McLoone and the range measures of each indicator. */
export const equityReport = defineReport({
  name: 'equity',
  route: routes.getEquity,
  load: loadByCode(getEquity),
  tables: buildEquityTable,
  labels: (body, lang, query) =>
    labelCountyYear(body, query.stage, lang, [
      [lang === 'zh' ? '泰尔指数分组' : 'Theil grouping', GROUPING_LABELS[query.by][lang]],
    ]),
  definitions: (lang) => measureDefinitions(lang, ['equity']),
  cache: true,
});
