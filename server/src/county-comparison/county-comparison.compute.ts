import type { BalanceSummaryRow, CountyComparisonResponse, CountyComparisonRow } from '@junheng/shared';

/** The city of a district: the first four digits of its code (地级市). */
export const cityCodeOf = (districtCode: string): string => districtCode.slice(0, 4);

/** A city's name: that of the first of its districts (in `cityNames`' order) that has one; null if none has. */
function cityNamesByCode(cityNames: ReadonlyMap<string, string>): Map<string, string> {
  const byCity = new Map<string, string>();
  for (const [district, name] of cityNames) {
    if (name && !byCity.has(cityCodeOf(district))) byCity.set(cityCodeOf(district), name);
  }
  return byCity;
}

/**
 * Every city of the given districts (each district counted once), by code, with its name where the data gives one
 * and its number of counties.
 */
export function listCities(
  districtCodes: Iterable<string>,
  cityNames: ReadonlyMap<string, string>,
): CountyComparisonResponse['cities'] {
  const counties = new Map<string, number>();
  for (const district of new Set(districtCodes)) {
    counties.set(cityCodeOf(district), (counties.get(cityCodeOf(district)) ?? 0) + 1);
  }
  const names = cityNamesByCode(cityNames);
  return [...counties.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => ({ code, name: names.get(code) ?? null, counties: count }));
}

/**
 * The comparison rows for `year` from balance-summary rows (each county's numbers exactly as its own balance report
 * gives them; at least every year up to `year` of the counties to compare): each county with data that year, of
 * `city` only when one is given, by code, with its previous year's CVs and verdict and the first year (up to `year`)
 * in which it passed.
 */
export function compareCountyRows(
  summaryRows: readonly BalanceSummaryRow[],
  options: { year: number | null; city: string | null; cityNames: ReadonlyMap<string, string> },
): CountyComparisonRow[] {
  const { year } = options;
  if (year === null) return [];
  const byDistrict = new Map<string, BalanceSummaryRow[]>();
  for (const row of summaryRows) {
    if (options.city !== null && cityCodeOf(row.districtCode) !== options.city) continue;
    const list = byDistrict.get(row.districtCode) ?? [];
    list.push(row);
    byDistrict.set(row.districtCode, list);
  }
  const names = cityNamesByCode(options.cityNames);
  const rows: CountyComparisonRow[] = [];
  for (const [districtCode, history] of [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const current = history.find((r) => r.year === year);
    if (!current) continue;
    const previous = history.find((r) => r.year === year - 1);
    const firstPassed = history
      .filter((r) => r.year <= year && r.passes === true)
      .reduce<number | null>((first, r) => (first === null || r.year < first ? r.year : first), null);
    const cityCode = cityCodeOf(districtCode);
    rows.push({
      ...current,
      cityCode,
      cityName: options.cityNames.get(districtCode) ?? names.get(cityCode) ?? null,
      previousYear: previous?.year ?? null,
      previousCvs: previous?.cvs ?? null,
      previousPasses: previous?.passes ?? null,
      firstPassedYear: firstPassed,
    });
  }
  return rows;
}

/**
 * The county comparison for `year` from balance-summary rows of every year (null year: the latest there is): the
 * comparison rows (compareCountyRows), every year with data and every city seen, whatever the city filter.
 */
export function compareCounties(
  summaryRows: readonly BalanceSummaryRow[],
  options: { year: number | null; city: string | null; cityNames: ReadonlyMap<string, string> },
): Pick<CountyComparisonResponse, 'rows' | 'cities' | 'years' | 'year'> {
  const years = [...new Set(summaryRows.map((r) => r.year))].sort((a, b) => a - b);
  const year = options.year ?? years.at(-1) ?? null;
  return {
    rows: compareCountyRows(summaryRows, { ...options, year }),
    cities: listCities(
      summaryRows.map((r) => r.districtCode),
      options.cityNames,
    ),
    years,
    year,
  };
}
