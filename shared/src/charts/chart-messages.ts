/** A language of the UI and of the reports. */
export type Lang = 'zh' | 'en';

/**
 * The messages of the chart builders in @junheng/shared, which the client and the server's reports both render. The
 * client's dictionary spreads them in, so `translate(lang, 'chart.cv.cv')` and `chartText(lang, 'chart.cv.cv')` are
 * one text.
 */
const zh = {
  'common.withNote': '{text}（{note}）',
  'verdict.tooFewUnits': '差异系数无意义（少于 2 所学校）',
  'verdict.tooFewUnitsShort': '少于 2 所学校',
  'chart.cv.cv': '差异系数',
  'chart.cv.limit': '限值',
  'chart.cv.limitLine': '限值 {limit}',
  'chart.cv.withinLimit': '未超限值',
  'chart.cv.overLimit': '超过限值',
  'chart.cv.notComputable': '无法计算',
  'chart.cv.notComputableShort': '无法计算',
  'chart.cv.weightedMean': '县加权平均',
  'chart.cv.sd': '标准差',
  'chart.cv.range': '最小 – 最大',
  'chart.cv.threshold': '国家标准',
  'chart.cv.schoolsMeeting': '达到标准的学校',
  'overview.township.passing': '达标学校',
  'overview.township.failing': '未达标学校',
  'overview.township.share': '达标比例',
  'overview.township.clickHint': '点击筛选到该乡镇',
};

export type ChartMessageKey = keyof typeof zh;

const en: Record<ChartMessageKey, string> = {
  'common.withNote': '{text} ({note})',
  'verdict.tooFewUnits': 'CV not meaningful (fewer than 2 schools)',
  'verdict.tooFewUnitsShort': 'fewer than 2 schools',
  'chart.cv.cv': 'CV',
  'chart.cv.limit': 'Limit',
  'chart.cv.limitLine': 'Limit {limit}',
  'chart.cv.withinLimit': 'within the limit',
  'chart.cv.overLimit': 'over the limit',
  'chart.cv.notComputable': 'not computable',
  'chart.cv.notComputableShort': 'n/a',
  'chart.cv.weightedMean': 'County weighted mean',
  'chart.cv.sd': 'Standard deviation',
  'chart.cv.range': 'Min – max',
  'chart.cv.threshold': 'National threshold',
  'chart.cv.schoolsMeeting': 'Schools meeting it',
  'overview.township.passing': 'Passing',
  'overview.township.failing': 'Not passing',
  'overview.township.share': 'Share passing',
  'overview.township.clickHint': 'Click to filter to this township',
};

export const CHART_MESSAGES = { zh, en } as const;

/** `{name}` placeholders filled from vars; an unknown placeholder is left as written so that it shows. */
export function chartText(lang: Lang, key: ChartMessageKey, vars?: Record<string, string | number>): string {
  const template = CHART_MESSAGES[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
