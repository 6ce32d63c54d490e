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
  'insight.compareTable.title': '学校对比：七项指标（{year} 年，{stage}）',
  'insight.compareTable.subtitle': '本校与所选学校的七项指标值（✓ 达到标准，✗ 未达到），右侧为县加权平均。',
  'insight.compareTable.skipped': '未计入本年度本学段、未列出：{codes}。',
  'insight.compareTable.countyMean': '县加权平均',
  'insight.compareTable.verdict': '{name}：达标 {met}/7，{verdict}',
  'insight.yoy.title': '同比：本年 vs 上年 vs 首年（{stage}）',
  'insight.yoy.subtitle':
    '首年 {first}、上年 {previous}、本年 {current}；资源配置达标学校 {passingFirst} → {passingPrevious} → {passingCurrent} 所（本年计入 {counted} 所）。差异系数变大（红）表示差距扩大。',
  'insight.yoy.noEarlier': '{year} 年是最早有数据的年度，没有可比较的往年。',
  'insight.yoy.mean': '均值 {year}',
  'insight.yoy.cv': '差异系数 {year}',
  'insight.yoy.changeFromPrevious': '较上年',
  'insight.yoy.changeFromFirst': '较首年',
  'insight.yoy.composite': '综合差异系数（2012）',
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
  'insight.compareTable.title': 'School comparison: seven indicators ({year}, {stage})',
  'insight.compareTable.subtitle':
    'This school and the ones chosen on the seven indicators (✓ meets the threshold, ✗ does not); county weighted mean on the right.',
  'insight.compareTable.skipped': 'Not counted in this year and stage, left out: {codes}.',
  'insight.compareTable.countyMean': 'County weighted mean',
  'insight.compareTable.verdict': '{name}: {met}/7 met, {verdict}',
  'insight.yoy.title': 'Year over year: this year vs last year vs first year ({stage})',
  'insight.yoy.subtitle':
    'First year {first}, last year {previous}, this year {current}; schools passing 资源配置 {passingFirst} → {passingPrevious} → {passingCurrent} ({counted} counted this year). A growing CV (red) means a widening gap.',
  'insight.yoy.noEarlier': '{year} is the first year with data: there is no earlier year to compare with.',
  'insight.yoy.mean': 'Mean {year}',
  'insight.yoy.cv': 'CV {year}',
  'insight.yoy.changeFromPrevious': 'vs last year',
  'insight.yoy.changeFromFirst': 'vs first year',
  'insight.yoy.composite': 'Composite CV (2012)',
};
