import { describe, expect, it } from 'vitest';
import { buildExportLinks, exportFileName } from './export-links.ts';

describe(buildExportLinks.name, () => {
  const target = {
    route: 'getBalance' as const,
    params: { code: '330999' },
    query: { year: 2025, stage: 'junior' as const, township: ['330999001', '330999201'], table: 'schools' as const },
  };

  it('should link the same endpoint and filters with the file format', () => {
    const sut = buildExportLinks(target, 'zh');
    expect(sut.excelCsv).toBe(
      '/api/v1/districts/330999/balance?year=2025&stage=junior&township=330999001%2C330999201&table=schools&format=csv',
    );
    expect(sut.plainCsv).toBe(`${sut.excelCsv}&bom=false`);
    expect(sut.xlsx).toContain('table=schools&format=xlsx');
  });

  it('should ask for English headers when the UI is in English', () => {
    expect(buildExportLinks(target, 'en').xlsx).toContain('&lang=en&format=xlsx');
  });

  it('should work for the other report routes', () => {
    expect(
      buildExportLinks(
        { route: 'getRankings', params: { code: '330999' }, query: { indicator: 'books_per_student' } },
        'zh',
      ).excelCsv,
    ).toBe('/api/v1/districts/330999/rankings?indicator=books_per_student&format=csv');
  });
});

describe(exportFileName.name, () => {
  it('should join the parts and drop characters Windows rejects', () => {
    expect(exportFileName(['澄川县', 2025, '小学', null, '排名：生均 图书/册'])).toBe(
      '澄川县_2025_小学_排名：生均_图书_册',
    );
  });
});
