import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** exceljs takes a third of a second to load: load it on the first XLSX request, not at start-up. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m.default ?? m) as typeof ExcelJS);
  return loading;
}
