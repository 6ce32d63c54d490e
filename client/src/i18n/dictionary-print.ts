/**
 * Messages of printing (issue #12 point 4). Kept apart from dictionary.ts (which spreads them into `zh` and `en`);
 * `printEn` must have exactly the keys of `printZh`.
 */
export const printZh = {
  'print.button': '打印',
  'print.buttonTitle': '打印本视图（A4，含区县、年度、学段、筛选条件和打印时间）',
};

export const printEn: Record<keyof typeof printZh, string> = {
  'print.button': 'Print',
  'print.buttonTitle': 'Print this view (A4, with county, year, stage, filters and print time)',
};
