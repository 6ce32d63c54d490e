/**
 * Messages of the teacher-roster summary in the import report (issue #13). Kept apart from dictionary.ts (which
 * spreads them into `zh` and `en`); `rostersEn` must have exactly the keys of `rostersZh`.
 */
export const rostersZh = {
  'rosters.title': '教师名册推算结果',
  'rosters.hint':
    '按统计时点（学年初 9 月 1 日）在本校满 {years} 年计为符合交流条件；当年 9 月至次年 8 月开始的交流计入该年度；县级及以上骨干计为骨干教师。',
  'rosters.file': '名册文件',
  'rosters.year': '年度',
  'rosters.date': '统计时点',
  'rosters.schools': '学校',
  'rosters.teachers': '义务教育教师',
  'rosters.eligible': '符合交流条件',
  'rosters.backbone': '县级以上骨干',
  'rosters.rotated': '交流教师',
  'rosters.backboneRotated': '其中骨干',
  'rosters.share': '骨干占比',
  'rosters.statsFilled': '填入本次统计',
  'rosters.statsUpdated': '更新已存统计',
};

export const rostersEn: typeof rostersZh = {
  'rosters.title': 'Derived from teacher rosters',
  'rosters.hint':
    'Eligible: at least {years} years at the school on the statistics date (1 September, start of the school year); a rotation counts in the year it starts (September to August); backbone: county level or above.',
  'rosters.file': 'Roster file',
  'rosters.year': 'Year',
  'rosters.date': 'Statistics date',
  'rosters.schools': 'Schools',
  'rosters.teachers': 'Compulsory teachers',
  'rosters.eligible': 'Eligible to rotate',
  'rosters.backbone': 'Backbone (county+)',
  'rosters.rotated': 'Rotated',
  'rosters.backboneRotated': 'of which backbone',
  'rosters.share': 'Backbone share',
  'rosters.statsFilled': 'Filled in this import',
  'rosters.statsUpdated': 'Stored rows updated',
};
