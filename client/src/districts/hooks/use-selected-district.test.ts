import { DistrictListSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { pickDistrict } from './use-selected-district.ts';

const districts = DistrictListSchema.parse([
  { code: '330110', name: '示例县', years: [], schools: 2, townships: 2 },
  { code: '330999', name: '澄川县', years: [2024, 2025], schools: 100, townships: 12 },
  { code: '331000', name: '另一县', years: [2025], schools: 50, townships: 8 },
]);

describe(pickDistrict.name, () => {
  it('should take the district named in the URL', () => {
    expect(pickDistrict(districts, '331000')?.code).toBe('331000');
  });

  it('should fall back to the largest district with data', () => {
    expect(pickDistrict(districts, null)?.code).toBe('330999');
    expect(pickDistrict(districts, '999999')?.code).toBe('330999');
  });

  it('should start a city’s user on its largest county, not on the lowest code, and on the first of equals', () => {
    const city = DistrictListSchema.parse([
      { code: '330991', name: '澄江区', years: [2025], schools: 36, townships: 6 },
      { code: '330992', name: '云岭县', years: [2025], schools: 36, townships: 6 },
      { code: '330999', name: '澄川县', years: [2025], schools: 100, townships: 12 },
    ]);
    expect(pickDistrict(city, null)?.code).toBe('330999');
    expect(pickDistrict(city.slice(0, 2), null)?.code).toBe('330991');
  });

  it('should take the first district when none has data, and nothing when there is none', () => {
    expect(pickDistrict(districts.slice(0, 1), null)?.code).toBe('330110');
    expect(pickDistrict([], null)).toBeUndefined();
  });
});
