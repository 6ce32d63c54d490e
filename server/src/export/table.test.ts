import { QUALITY_INDICATOR_KEYS, qualityIndicatorValues } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { countyCvColumns, countyPassesColumn, headerOf } from './table.ts';

const county = {
  cvs: qualityIndicatorValues({ higher_degree_teachers_per100: 0.21, sports_area_per_student: 0.52 }),
  cvPasses: false,
  passes: false,
};
const tooFew = { cvs: qualityIndicatorValues(), cvPasses: null, passes: null };

describe(countyCvColumns.name, () => {
  it('should give the seven CVs in the method order, then whether all are within the limit', () => {
    const columns = countyCvColumns<typeof county>('zh');
    expect(columns.map((c) => c.key)).toEqual([...QUALITY_INDICATOR_KEYS, 'cvPasses']);
    expect(headerOf(columns[0] as (typeof columns)[number], 'zh')).toBe('每百名学生拥有高于规定学历教师数差异系数');
    expect(columns.map((c) => c.value(county))).toEqual([0.21, null, null, null, 0.52, null, null, '否']);
    expect(columns.slice(0, 7).every((c) => c.decimals === 3)).toBe(true);
  });

  it('should say why a county of fewer than 2 schools has no verdict, in the export language', () => {
    expect(countyCvColumns<typeof tooFew>('en').at(-1)?.value(tooFew)).toBe(
      'n/a: fewer than 2 schools, a CV is not meaningful',
    );
    expect(countyPassesColumn<typeof tooFew>('zh').value(tooFew)).toBe('不适用：少于 2 所学校，差异系数无意义');
    expect(countyPassesColumn<typeof county>('en').value(county)).toBe('no');
  });
});
