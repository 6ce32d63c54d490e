import { FILING_TABLES, type FilingTableKey, routes } from '@junheng/shared';
import { buildUrl } from '../../../lib/api-client.ts';

/** The filing workbook of a county year (every standard table, one sheet each), in the UI's language. */
export function filingWorkbookUrl(code: string, year: number, lang: 'zh' | 'en'): string {
  return buildUrl(
    routes.getFilingTables.path,
    { code },
    { year, format: 'xlsx', lang: lang === 'zh' ? undefined : lang },
  );
}

/** One standard table as the Excel CSV (the screen's decimals). */
export function filingCsvUrl(code: string, year: number, table: FilingTableKey, lang: 'zh' | 'en'): string {
  return buildUrl(
    routes.getFilingTables.path,
    { code },
    { year, format: 'csv', table, lang: lang === 'zh' ? undefined : lang },
  );
}

export const FILING_TABLE_KEYS = FILING_TABLES;
