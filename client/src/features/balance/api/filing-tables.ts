import { FILING_TABLES, type FilingTableKey } from '@junheng/shared';
import { routeUrl } from '../../../lib/api-client.ts';

/** The filing workbook of a county year (every standard table, one sheet each), in the UI's language. */
export function filingWorkbookUrl(code: string, year: number, lang: 'zh' | 'en'): string {
  return routeUrl('getFilingTables', {
    params: { code },
    query: { year, format: 'xlsx', lang: lang === 'zh' ? undefined : lang },
  });
}

/** One standard table as the Excel CSV (the screen's decimals). */
export function filingCsvUrl(code: string, year: number, table: FilingTableKey, lang: 'zh' | 'en'): string {
  return routeUrl('getFilingTables', {
    params: { code },
    query: { year, format: 'csv', table, lang: lang === 'zh' ? undefined : lang },
  });
}

export const FILING_TABLE_KEYS = FILING_TABLES;
