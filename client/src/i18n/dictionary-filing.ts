/**
 * Messages of the filing-tables download (issue #12 point 2). Kept apart from dictionary.ts (which spreads them into
 * `zh` and `en`); `filingEn` must have exactly the keys of `filingZh`.
 */
export const filingZh = {
  'filing.download': '下载督导评估表格',
  'filing.downloadHint': '{year} 年全县（两个学段）',
  'filing.xlsx': '全部表格（XLSX，一表一页）',
  'filing.xlsxHint': 'A4 横向、表头每页重复，可直接打印；数字保留完整精度',
  'filing.csvOf': '{table}（Excel 用 CSV）',
  'filing.table.school-balance': '校际均衡情况表',
  'filing.table.compliance': '七项指标达标情况表',
  'filing.table.basic-balance': '基本均衡差异系数表（2012）',
  'filing.table.class-size': '班额与校额情况表',
  'filing.table.teacher-exchange': '教师交流轮岗情况表',
};

export const filingEn: typeof filingZh = {
  'filing.download': 'Download filing tables',
  'filing.downloadHint': '{year}, whole county (both stages)',
  'filing.xlsx': 'All tables (XLSX, a sheet each)',
  'filing.xlsxHint': 'A4 landscape, header on every page, ready to print; numbers at full precision',
  'filing.csvOf': '{table} (CSV for Excel)',
  'filing.table.school-balance': 'Inter-school balance',
  'filing.table.compliance': 'Seven indicators by school',
  'filing.table.basic-balance': 'Basic balance CVs (2012)',
  'filing.table.class-size': 'Class and school size',
  'filing.table.teacher-exchange': 'Teacher rotation',
};
