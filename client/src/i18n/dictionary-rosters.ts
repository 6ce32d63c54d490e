/**
 * Messages of the teacher-roster summary in the import report (issue #13). Kept apart from dictionary.ts (which
 * spreads them into `zh` and `en`); `rostersEn` must have exactly the keys of `rostersZh`.
 */
export const rostersZh = {
  'rosters.title': '教师名册推算结果',
  'rosters.hint':
    '教师：义务教育学段的专任教师（高中、学前不计）；符合条件：统计时点（学年初 9 月 1 日）在本校满 {years} 年；交流：当年 9 月至次年 8 月开始交流的教师（同一教师只计一次）；骨干：县级及以上骨干教师。',
  'rosters.file': '名册文件',
  'rosters.year': '年度',
  'rosters.schools': '学校',
  'rosters.teachers': '教师',
  'rosters.eligible': '符合条件',
  'rosters.backbone': '骨干',
  'rosters.rotated': '交流',
  'rosters.backboneRotated': '交流骨干',
  'rosters.share': '骨干占比',
  'rosters.statsRows':
    '名册推算的符合交流条件教师数：填入本次导入的统计 {inImport} 行，更新系统中已有的统计 {stored} 行。',
};

export const rostersEn: typeof rostersZh = {
  'rosters.title': 'Derived from teacher rosters',
  'rosters.hint':
    'Teachers: compulsory-stage teachers (senior high and pre-school left out); eligible: at the school for at least the county threshold ({years}) in whole years on the statistics date (1 September, start of the school year); rotated: teachers whose rotation starts from September to August (each once); backbone: county level or above.',
  'rosters.file': 'Roster file',
  'rosters.year': 'Year',
  'rosters.schools': 'Schools',
  'rosters.teachers': 'Teachers',
  'rosters.eligible': 'Eligible',
  'rosters.backbone': 'Backbone',
  'rosters.rotated': 'Rotated',
  'rosters.backboneRotated': 'Backbone rotated',
  'rosters.share': 'Backbone share',
  'rosters.statsRows':
    'Eligible teachers from the rosters: {inImport} statistics rows of this import filled, {stored} stored rows updated.',
};
