import { type BalanceSummaryRow, qualityIndicatorValues } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { compareCounties, compareCountyRows, listCities } from './county-comparison.compute.ts';

const summary = (districtCode: string, year: number, passes: boolean | null, cv = 0.3): BalanceSummaryRow => ({
  districtCode,
  districtName: `县${districtCode}`,
  year,
  schoolsCounted: 10,
  studentsCounted: 1000,
  cvs: qualityIndicatorValues({ sports_area_per_student: cv }),
  cvPasses: passes,
  blockingIndicators: [],
  schoolsPassing: 5,
  passes,
});

const ROWS: BalanceSummaryRow[] = [
  summary('330901', 2022, false),
  summary('330901', 2023, true, 0.4),
  summary('330901', 2024, true, 0.45),
  summary('330902', 2023, false),
  summary('330902', 2024, false),
  summary('340101', 2021, true),
  summary('340101', 2024, null),
];
const CITY_NAMES = new Map([['330902', '澄州市']]);

describe(compareCountyRows.name, () => {
  it('should give each county with data that year its previous year and the first year it passed', () => {
    const sut = compareCountyRows(ROWS, { year: 2024, city: null, cityNames: CITY_NAMES });
    expect(sut.map((r) => [r.districtCode, r.previousYear, r.previousPasses, r.firstPassedYear])).toEqual([
      ['330901', 2023, true, 2023],
      ['330902', 2023, false, null],
      ['340101', null, null, 2021],
    ]);
    expect(sut[0]?.previousCvs).toEqual(qualityIndicatorValues({ sports_area_per_student: 0.4 }));
    // A city's name comes from any of its districts that has one.
    expect(sut.map((r) => [r.cityCode, r.cityName])).toEqual([
      ['3309', '澄州市'],
      ['3309', '澄州市'],
      ['3401', null],
    ]);
  });

  it('should keep one city and ignore the years after the one compared', () => {
    const sut = compareCountyRows(ROWS, { year: 2023, city: '3309', cityNames: CITY_NAMES });
    expect(sut.map((r) => [r.districtCode, r.year, r.firstPassedYear])).toEqual([
      ['330901', 2023, 2023],
      ['330902', 2023, null],
    ]);
  });

  it('should give the same rows from only the county-years up to the year as from every year', () => {
    const upTo = ROWS.filter((r) => r.year <= 2023 && r.districtCode.startsWith('3309'));
    expect(compareCountyRows(upTo, { year: 2023, city: '3309', cityNames: CITY_NAMES })).toEqual(
      compareCountyRows(ROWS, { year: 2023, city: '3309', cityNames: CITY_NAMES }),
    );
  });

  it('should answer no rows without a year', () => {
    expect(compareCountyRows(ROWS, { year: null, city: null, cityNames: CITY_NAMES })).toEqual([]);
  });
});

describe(listCities.name, () => {
  it('should count each county once per city, by code, with the name where one is known', () => {
    expect(listCities(['340101', '330901', '330902', '330901'], CITY_NAMES)).toEqual([
      { code: '3309', name: '澄州市', counties: 2 },
      { code: '3401', name: null, counties: 1 },
    ]);
  });
});

describe(compareCounties.name, () => {
  it('should compare the latest year by default and list every year and city whatever the city filter', () => {
    const sut = compareCounties(ROWS, { year: null, city: '3401', cityNames: CITY_NAMES });
    expect(sut.year).toBe(2024);
    expect(sut.years).toEqual([2021, 2022, 2023, 2024]);
    expect(sut.cities.map((c) => c.code)).toEqual(['3309', '3401']);
    expect(sut.rows.map((r) => r.districtCode)).toEqual(['340101']);
  });
});
