import { routes } from '@junheng/shared';
import { indicatorName } from '../export/indicator-labels.ts';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelCountyYear } from '../export/report-labels.ts';
import { defineReport } from '../reports/define-report.ts';
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
  load: (db, { params, query, access }) => getUrbanRural(db, params.code, query, access),
  tables: {
    groups: (body, _query, lang) => buildUrbanRuralGroupTable(body, lang),
    ratios: (body, _query, lang) => buildUrbanRuralRatioTable(body, lang),
    decomposition: (body, _query, lang) =>
      buildDecompositionRowTable(body.decomposition, lang, { zh: '城乡差异分解', en: 'Decomposition' }),
    townships: (body) => buildTownshipComparisonTable(body),
  },
  labels: (body, query, lang) => labelCountyYear(body, query.stage, lang),
  definitions: (lang) => measureDefinitions(lang, ['urbanRural', 'decomposition']),
  cache: true,
});

/** CV² split within and between groups (urban–rural class, township or school group), and each school's part. */
export const decompositionReport = defineReport({
  name: 'decomposition',
  route: routes.getDecomposition,
  load: (db, { params, query, access }) => getDecomposition(db, params.code, query, access),
  tables: {
    groups: (body, _query, lang) => buildDecompositionGroupTable(body, lang),
    contributions: (body, _query, lang) => buildContributionTable(body, lang),
  },
  labels: (body, query, lang) =>
    labelCountyYear(body, query.stage, lang, [
      [lang === 'zh' ? '指标' : 'Indicator', indicatorName(query.indicator, lang)],
      [lang === 'zh' ? '分组' : 'Grouping', GROUPING_LABELS[query.by][lang]],
    ]),
  definitions: (lang) => measureDefinitions(lang, ['decomposition']),
  cache: true,
});

/** Gini, Theil, McLoone and the range measures of each indicator. */
export const equityReport = defineReport({
  name: 'equity',
  route: routes.getEquity,
  load: (db, { params, query, access }) => getEquity(db, params.code, query, access),
  tables: (body, _query, lang) => buildEquityTable(body, lang),
  labels: (body, query, lang) =>
    labelCountyYear(body, query.stage, lang, [
      [lang === 'zh' ? '泰尔指数分组' : 'Theil grouping', GROUPING_LABELS[query.by][lang]],
    ]),
  definitions: (lang) => measureDefinitions(lang, ['equity']),
  cache: true,
});
