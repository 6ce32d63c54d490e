import type { BalanceResponse } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { buildBalanceIndicatorTable, cvVerdictText } from './balance.tables.ts';

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
