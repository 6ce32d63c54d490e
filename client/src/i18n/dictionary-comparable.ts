/**
 * Messages of the comparable schools and counties panels (issue #14 point 3). Kept apart from dictionary.ts (which
 * spreads them into `zh` and `en`); `comparableEn` must have exactly the keys of `comparableZh`.
 */
export const comparableZh = {
  'comparable.school.title': '可比学校（{year} 年{stage}）',
  'comparable.school.rule':
    '可比规则：同学段、同办学类型（{type}）的计入学校；差距 = |ln(学生数之比)| + {weight} × 城乡分类相差级数（城区—镇区—乡村），取差距最小的 {limit} 所，差距相同按学校标识码排序。范围：您可查看的全部区县。',
  'comparable.school.found': '范围内同类学校 {candidates} 所，取 {count} 所。',
  'comparable.school.fewer': '范围内同类学校不足 {limit} 所。',
  'comparable.school.chartTitle': '本校与可比学校：各指标相对国家标准（{year} 年{stage}）',
  'comparable.school.chartSubtitle':
    '箱体为可比学校的上下四分位数，中线为中位数，须线为最小值—最大值；圆点为本校（绿色达标、红色未达标）；红色虚线为国家标准（100%）',
  'comparable.school.tableTitle': '可比学校一览（{year} 年{stage}）',
  'comparable.school.emptyTitle': '没有可比学校',
  'comparable.school.empty': '范围内没有同学段、同办学类型的其他计入学校。',
  'comparable.school.notCounted': '本校这一学段在本年度不计入，无法确定可比学校。',
  'comparable.school.self': '本校',
  'comparable.school.percentOfStandard': '相对国家标准',
  'comparable.school.standard': '国家标准',
  'comparable.school.comparators': '可比学校',
  'comparable.school.thisSchool': '本校',
  'comparable.school.median': '中位数',
  'comparable.school.quartiles': '四分位数',
  'comparable.school.range': '最小—最大',
  'comparable.school.rank': '本校排名',
  'comparable.school.rankOf': '{rank} / {of}',
  'comparable.school.standing': '本校位次：{summary}',
  'comparable.school.district': '区县',
  'comparable.school.students': '学生数',
  'comparable.school.distance': '差距',
  'comparable.school.met': '达标项',
  'comparable.county.title': '可比区县（{year} 年{stage}）',
  'comparable.county.rule':
    '可比规则：差距 = |ln(义务教育学生数之比)| + {weight} × |城区学生占比之差|，取差距最小的 {limit} 个区县，差距相同按区县代码排序。范围：您可查看的全部区县。',
  'comparable.county.emptyTitle': '没有可比区县',
  'comparable.county.empty':
    '您可查看的范围内只有本县。能查看多个区县的账户（如市、省督导）在这里看到规模和城区学生占比最相近的区县及其差异系数。',
  'comparable.county.students': '义务教育学生数',
  'comparable.county.urbanShare': '城区学生占比',
  'comparable.county.schools': '计入学校',
  'comparable.county.self': '本县',
  'comparable.county.cvNote': '右侧七列为本学段七项指标的差异系数，≤ {limit} 达标，红色为超过限值。',
  'method.comparable.title': '可比学校与可比区县',
  'method.comparable.school':
    '可比学校：在您可查看的全部区县中，取与本校同学段、同办学类型（办学类型相同是前提）的计入学校（特殊教育学校和不足 50 人的教学点不计入，“计入民办学校”选项同样适用），按“差距 = |ln(本校学段学生数 ÷ 对方学段学生数)| + {weight} × 城乡分类相差级数”排序，取差距最小的 {limit} 所。城乡分类按城区、镇区、乡村三级，相差一级加 {weight}、两级加 {weight2}；学生数相差一倍约为 0.69。差距相同时按学校标识码排序，结果确定、可复现。',
  'method.comparable.standing':
    '本校位次：每项指标给出可比学校的最小值、下四分位数、中位数、上四分位数、最大值（每校计一次，不按学生数加权；四分位数按线性插值，同 Excel QUARTILE.INC）和本校在“本校 + 可比学校”中的排名（数值越高排名越前，相同数值同名次）。图中各指标以国家标准为 100% 表示，便于不同单位的指标并列。',
  'method.comparable.county':
    '可比区县：差距 = |ln(义务教育在校生数之比)| + {countyWeight} × |城区学生占比之差|（占比按 0–1 计），取差距最小的 {countyLimit} 个区县，并列出各县本学段七项差异系数（与各县“差异系数”页数值相同）。只能查看一个区县的账户没有可比区县。',
};

export const comparableEn: Record<keyof typeof comparableZh, string> = {
  'comparable.school.title': 'Comparable schools ({stage}, {year})',
  'comparable.school.rule':
    'Rule: counted schools of the same stage and school type ({type}); distance = |ln(students ratio)| + {weight} × steps between urban–rural classes (urban–town–rural); the {limit} nearest, ties by school code. Scope: every county you may see.',
  'comparable.school.found':
    '{candidates, plural, one {# school} other {# schools}} of the same kind in scope; {count} shown.',
  'comparable.school.fewer': 'Fewer than {limit, plural, one {# school} other {# schools}} of the same kind in scope.',
  'comparable.school.chartTitle': 'This school and its comparators, as % of the national standard ({stage}, {year})',
  'comparable.school.chartSubtitle':
    'Box: the comparators’ quartiles with the median; whiskers: minimum–maximum; dot: this school (green met, red not met); red dashed line: the national standard (100%)',
  'comparable.school.tableTitle': 'Comparable schools ({stage}, {year})',
  'comparable.school.emptyTitle': 'No comparable school',
  'comparable.school.empty': 'No other counted school of the same stage and type in your scope.',
  'comparable.school.notCounted': 'This stage of the school is not counted this year: no comparators.',
  'comparable.school.self': 'This school',
  'comparable.school.percentOfStandard': '% of standard',
  'comparable.school.standard': 'National threshold',
  'comparable.school.comparators': 'Comparators',
  'comparable.school.thisSchool': 'This school',
  'comparable.school.median': 'Median',
  'comparable.school.quartiles': 'Quartiles',
  'comparable.school.range': 'Min–max',
  'comparable.school.rank': 'Rank',
  'comparable.school.rankOf': '{rank} of {of}',
  'comparable.school.standing': 'Standing: {summary}',
  'comparable.school.district': 'District',
  'comparable.school.students': 'Students',
  'comparable.school.distance': 'Distance',
  'comparable.school.met': 'Met',
  'comparable.county.title': 'Comparable counties ({stage}, {year})',
  'comparable.county.rule':
    'Rule: distance = |ln(compulsory students ratio)| + {weight} × |difference of urban student share|; the {limit} nearest, ties by district code. Scope: every county you may see.',
  'comparable.county.emptyTitle': 'No comparable county',
  'comparable.county.empty':
    'You see only this county. Accounts that see several counties (city or province inspectors) find here the counties closest in size and urban share, with their CVs.',
  'comparable.county.students': 'Compulsory students',
  'comparable.county.urbanShare': 'Urban share',
  'comparable.county.schools': 'Schools counted',
  'comparable.county.self': 'This county',
  'comparable.county.cvNote':
    'The seven columns on the right are the CVs of the stage’s indicators; ≤ {limit} passes, red is above the limit.',
  'method.comparable.title': 'Comparable schools and counties',
  'method.comparable.school':
    'Comparable schools: over every county you may see, the counted schools of the same stage and the same school type (a requirement; special-education schools and teaching points under 50 students are not counted, and the private-schools option applies), ordered by distance = |ln(this school’s stage students ÷ theirs)| + {weight} × steps between urban–rural classes; the {limit} nearest. Urban–rural classes are urban, town and rural: one step adds {weight}, two add {weight2}; twice the students is about 0.69. Equal distances are ordered by school code, so the set is deterministic.',
  'method.comparable.standing':
    'Standing: for each indicator, the comparators’ minimum, lower quartile, median, upper quartile and maximum (each school once, not weighted by students; quartiles by linear interpolation, as Excel QUARTILE.INC) and the school’s rank among itself and its comparators (highest value first; equal values share a rank). The chart shows each indicator as a percentage of its national standard so that different units sit side by side.',
  'method.comparable.county':
    'Comparable counties: distance = |ln(compulsory students ratio)| + {countyWeight} × |difference of the share of students in urban schools| (shares 0–1); the {countyLimit} nearest, with the seven CVs of the stage (the numbers of each county’s CV page). An account that sees one county has no comparable county.',
};
