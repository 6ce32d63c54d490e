/**
 * Messages of the analysis additions of issue #15 (points 7–9): CV contributions and equity measures, comparison
 * tables, saved views and notes. Kept apart from dictionary.ts (which spreads them into `zh` and `en`);
 * `insightEn` must have exactly the keys of `insightZh`.
 */
export const insightZh = {
  'insight.contribution.title': '哪些学校拉高了差异系数：{indicator}',
  'insight.contribution.titleShort': '各校对差异系数的贡献',
  'insight.contribution.subtitle': '差异系数 {cv}（CV² = {cv2}）；图中为贡献最大的 {top} 所学校，各校贡献之和 = CV²。',
  'insight.contribution.half': '前 {schools} 所学校贡献了一半以上的差异。',
  'insight.contribution.above': '高于均值',
  'insight.contribution.below': '低于均值',
  'insight.contribution.value': '本校数值',
  'insight.contribution.mean': '全县加权均值',
  'insight.contribution.share': '占 CV² 比例',
  'insight.contribution.cumulative': '累计占比',
  'insight.contribution.cvSquared': '贡献（CV²）',
  'insight.equity.title': '其他公平指标：基尼系数、泰尔指数、McLoone 指数',
  'insight.equity.subtitle':
    '学生数加权。基尼系数、泰尔指数越小越均衡（0 = 完全均等）；McLoone 指数越接近 1，中位数以下的学校越接近中位数。',
  'insight.equity.gini': '基尼系数',
  'insight.equity.theil': '泰尔指数',
  'insight.equity.theilBetween': '泰尔（城乡组间）',
  'insight.equity.theilWithin': '泰尔（城乡组内）',
  'insight.equity.mcloone': 'McLoone 指数',
  'insight.equity.rangeRatio': '极差率',
};

export const insightEn: Record<keyof typeof insightZh, string> = {
  'insight.contribution.title': 'Which schools pull the CV up: {indicator}',
  'insight.contribution.titleShort': 'School contributions to the CV',
  'insight.contribution.subtitle':
    'CV {cv} (CV² = {cv2}); the chart shows the {top} largest contributions; the contributions sum to CV².',
  'insight.contribution.half': 'The first {schools} school(s) cause more than half of the disparity.',
  'insight.contribution.above': 'Above the mean',
  'insight.contribution.below': 'Below the mean',
  'insight.contribution.value': 'School value',
  'insight.contribution.mean': 'County weighted mean',
  'insight.contribution.share': 'Share of CV²',
  'insight.contribution.cumulative': 'Cumulative share',
  'insight.contribution.cvSquared': 'Contribution (CV²)',
  'insight.equity.title': 'Other equity measures: Gini, Theil T, McLoone',
  'insight.equity.subtitle':
    'Student-weighted. Lower Gini and Theil mean more equal (0 = all equal); a McLoone index near 1 means schools below the median are close to it.',
  'insight.equity.gini': 'Gini',
  'insight.equity.theil': 'Theil T',
  'insight.equity.theilBetween': 'Theil (between classes)',
  'insight.equity.theilWithin': 'Theil (within classes)',
  'insight.equity.mcloone': 'McLoone index',
  'insight.equity.rangeRatio': 'Range ratio',
};
