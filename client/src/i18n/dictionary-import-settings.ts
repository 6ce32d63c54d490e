/**
 * Messages of the county import settings (issue #13, 数据 view). Kept apart from dictionary.ts (which spreads them
 * into `zh` and `en`); `importSettingsEn` must have exactly the keys of `importSettingsZh`.
 */
export const importSettingsZh = {
  'data.importSettings.title': '县级导入设置',
  'data.importSettings.description':
    '导入县级报表（每校一行的基层表）时：不计校数（是否计校数 = 0）的教学点如何处理，以及由教师名册推算“符合交流条件教师”时的任教年限。',
  'data.importSettings.teachingPoints': '不计校数的教学点',
  'data.importSettings.merge': '并入所属学校',
  'data.importSettings.mergeHelp':
    '（与教育事业统计口径一致）教学点的在校生、班数、教师、校舍、图书、设备等计入主校，教学点不单独作为学校计算。报表需有“所属学校标识码”列，或学校基本信息中已填写所属学校。',
  'data.importSettings.keep': '保留为教学点',
  'data.importSettings.keepHelp':
    '教学点作为单独的学校保存（办学类型为教学点，并记录所属学校），在评估中按教学点规则处理。',
  'data.importSettings.rotationYears': '应交流年限（年）',
  'data.importSettings.rotationYearsHelp': '在同一学校任教满该年数的教师计为符合交流条件（默认 6 年）。',
  'data.importSettings.yearsRange': '应交流年限应为 1–30 之间的整数',
  'data.importSettings.save': '保存设置',
  'data.importSettings.updated': '{time} 由 {user} 保存',
  'data.importSettings.defaults': '尚未保存：使用默认设置（并入所属学校，6 年）',
};

export const importSettingsEn: Record<keyof typeof importSettingsZh, string> = {
  'data.importSettings.title': 'County import settings',
  'data.importSettings.description':
    'When importing county extracts (one row per school): what to do with teaching points the statistics do not count as schools (是否计校数 = 0), and the years at one school after which a teacher is due to rotate when derived from a teacher roster.',
  'data.importSettings.teachingPoints': 'Teaching points not counted as schools',
  'data.importSettings.merge': 'Merge into the parent school',
  'data.importSettings.mergeHelp':
    '(as the education statistics count them) Their students, classes, teachers, buildings, books and equipment are added to the parent school; the teaching point is not a school of its own. The extract needs a parent-school column, or the school data must name the parent.',
  'data.importSettings.keep': 'Keep as teaching points',
  'data.importSettings.keepHelp':
    'Stored as schools of their own (type teaching point, with their parent school) and assessed by the teaching-point rules.',
  'data.importSettings.rotationYears': 'Rotation eligibility (years)',
  'data.importSettings.rotationYearsHelp':
    'Teachers at the same school for at least this many years are counted as due to rotate (default 6).',
  'data.importSettings.yearsRange': 'Enter a whole number of years from 1 to 30',
  'data.importSettings.save': 'Save settings',
  'data.importSettings.updated': 'Saved {time} by {user}',
  'data.importSettings.defaults': 'Not saved yet: the defaults apply (merge, 6 years)',
};
