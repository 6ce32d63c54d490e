import { type BalanceResponse, INDICATOR_CATALOG, INDICATOR_KEYS } from '@junheng/shared';
import { indicatorMeta } from '@junheng/shared/charts/indicators.ts';
import { describe, expect, it } from 'vitest';
import { cvVerdictText } from '../export/table.ts';
import { buildBalanceIndicatorTable, buildRankingTable } from './balance.tables.ts';

type Indicator = BalanceResponse['indicators'][number];

function indicator(overrides: Partial<Indicator>): Indicator {
  return {
    key: 'teaching_room_area_per_student',
    zh: '生均教学及辅助用房面积',
    threshold: 4.5,
    cvLimit: 0.5,
    n: 2,
    mean: 5,
    sd: 2.5,
    cv: 0.5,
    cvPasses: true,
    cvNullReason: null,
    schoolsMeeting: 2,
    schoolsMissing: 0,
    min: 3,
    max: 7,
    ...overrides,
  };
}

describe(buildBalanceIndicatorTable.name, () => {
  const table = buildBalanceIndicatorTable({ indicators: [] } as unknown as BalanceResponse, 'zh');
  const column = (key: string) => table.columns.find((c) => c.key === key);

  it('should give a failing CV that would show as the limit 4 decimals in the XLSX, like the screen (#9.11)', () => {
    expect(column('cv')?.decimalsOf?.(indicator({ cv: 0.5004, cvPasses: false }))).toBe(4);
    expect(column('cv')?.decimalsOf?.(indicator({ cv: 0.171 }))).toBe(3);
  });

  it('should say why a CV verdict is missing when fewer than 2 schools are counted (#15.6)', () => {
    const row = indicator({ n: 1, cv: null, cvPasses: null, cvNullReason: 'too_few_units' });
    expect(column('cvPasses')?.value(row)).toBe('不适用：少于 2 所学校，差异系数无意义');
    expect(cvVerdictText(null, 'not_computable', 'en')).toBeNull();
    expect(cvVerdictText(false, null, 'zh')).toBe('否');
  });
});

describe(buildRankingTable.name, () => {
  const report = (indicator: string) => ({ indicator, rows: [] }) as unknown as Parameters<typeof buildRankingTable>[0];
  const valueColumn = (indicator: string, lang: 'zh' | 'en') =>
    buildRankingTable(report(indicator), lang, 'primary').columns.find((c) => c.key === 'value');

  it('should name, unit and round a 2012-only indicator as the screen does, in both languages (#11)', () => {
    for (const key of INDICATOR_KEYS) {
      const entry = INDICATOR_CATALOG[key];
      const zh = valueColumn(key, 'zh');
      const en = valueColumn(key, 'en');
      expect(zh?.zh).toBe(entry.zh);
      expect(en?.en).toBe(entry.en);
      expect(en?.unitEn).toBe(entry.unitEn);
      expect(zh?.decimals).toBe(entry.decimals);
      expect(indicatorMeta(key).decimals).toBe(entry.decimals);
    }
    expect(valueColumn('books_per_student', 'en')?.en).toBe('Books per student');
    expect(valueColumn('books_per_student', 'zh')?.decimals).toBe(1);
  });
});
