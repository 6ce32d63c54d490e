import { FilingTablesQuerySchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { filingCsvUrl, filingWorkbookUrl } from './filing-tables.ts';

const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe(filingWorkbookUrl.name, () => {
  it('should ask for the XLSX workbook of the county year', () => {
    const sut = filingWorkbookUrl('330999', 2025, 'zh');
    expect(new URL(sut, 'http://x').pathname).toBe('/api/v1/districts/330999/filing-tables');
    expect(FilingTablesQuerySchema.parse(queryOf(sut))).toMatchObject({ year: 2025, format: 'xlsx', lang: 'zh' });
  });

  it('should carry the English language when the UI is English', () => {
    expect(queryOf(filingWorkbookUrl('330999', 2025, 'en')).lang).toBe('en');
  });
});

describe(filingCsvUrl.name, () => {
  it('should ask for one table as the Excel CSV', () => {
    const sut = FilingTablesQuerySchema.parse(queryOf(filingCsvUrl('330999', 2024, 'compliance', 'zh')));
    expect(sut).toMatchObject({ year: 2024, format: 'csv', table: 'compliance', bom: true });
  });
});
