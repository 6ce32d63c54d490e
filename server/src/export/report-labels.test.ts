import type { ReportContext } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { labelCountyYear, labelYearRange } from './report-labels.ts';

const context: Omit<ReportContext, 'year'> = {
  district: { code: '330999', name: '澄川县' },
  years: [2019, 2020, 2021],
  accessScope: { restricted: false, townships: [] },
  filters: { townships: [{ code: '330999001', name: '城关街道' }], locales: [], groups: [], includePrivate: true },
};

describe(labelYearRange.name, () => {
  it('should name the range instead of one year in the file name and the 说明 sheet', () => {
    const sut = labelYearRange(context, { from: 2019, to: 2021 }, 'primary', 'zh', [['指标', '生均图书册数']]);
    expect(sut.fileNameParts).toEqual(['澄川县', '2019-2021', '小学', '城关街道', '生均图书册数']);
    expect(sut.filters).toContainEqual(['年度', '2019–2021']);
    expect(sut.filters.at(-1)).toEqual(['指标', '生均图书册数']);
    expect(sut.dataYears).toBe('2019–2021');
  });

  it('should name a single year plainly', () => {
    const sut = labelYearRange(context, { from: 2020, to: 2020 }, null, 'en');
    expect(sut.fileNameParts.slice(0, 2)).toEqual(['澄川县', '2020']);
    expect(sut.filters).toContainEqual(['Year', '2020']);
  });
});

describe(labelCountyYear.name, () => {
  it('should add extra parts after the filters', () => {
    const sut = labelCountyYear({ ...context, year: 2021 }, 'junior', 'zh', [['分组', '按乡镇分组']]);
    expect(sut.fileNameParts).toEqual(['澄川县', '2021', '初中', '城关街道', '按乡镇分组']);
    expect(sut.dataYears).toBe('2021');
  });
});
