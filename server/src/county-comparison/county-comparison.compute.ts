import type { BalanceSummaryRow, CountyComparisonResponse, CountyComparisonRow } from '@junheng/shared';

/** The city of a district: the first four digits of its code (地级市). */
export const cityCodeOf = (districtCode: string): string => districtCode.slice(0, 4);

/**
 * The county comparison for `year` from balance-summary rows (every year up to it, each county's numbers exactly as
 * its own balance report gives them): each county with data that year, its previous year's CVs and verdict, and the
 * first year in which it passed. `city` keeps only that city's counties; `cities` lists every city seen.
 */
export function compareCounties(
  summaryRows: readonly BalanceSummaryRow[],
  options: { year: number | null; city: string | null; cityNames: ReadonlyMap<string, string> },
): Pick<CountyComparisonResponse, 'rows' | 'cities' | 'years' | 'year'> {
  const years = [...new Set(summaryRows.map((r) => r.year))].sort((a, b) => a - b);
  const year = options.year ?? years.at(-1) ?? null;
  const byDistrict = new Map<string, BalanceSummaryRow[]>();
  for (const row of summaryRows) {
    const list = byDistrict.get(row.districtCode) ?? [];
    list.push(row);
    byDistrict.set(row.districtCode, list);
  }
  const cityNameOf = (code: string): string | null => {
    for (const [district, name] of options.cityNames) if (cityCodeOf(district) === code && name) return name;
    return null;
  };
  const cityCounts = new Map<string, number>();
  for (const district of byDistrict.keys()) {
    cityCounts.set(cityCodeOf(district), (cityCounts.get(cityCodeOf(district)) ?? 0) + 1);
  }
  const cities = [...cityCounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, counties]) => ({ code, name: cityNameOf(code), counties }));

  const rows: CountyComparisonRow[] = [];
  for (const [districtCode, history] of [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (options.city !== null && cityCodeOf(districtCode) !== options.city) continue;
    const current = history.find((r) => r.year === year);
    if (!current || year === null) continue;
    const previous = history.find((r) => r.year === year - 1);
    const firstPassed = history
      .filter((r) => r.year <= year && r.passes === true)
      .reduce<number | null>((first, r) => (first === null || r.year < first ? r.year : first), null);
    const cityCode = cityCodeOf(districtCode);
    rows.push({
      ...current,
      cityCode,
      cityName: options.cityNames.get(districtCode) ?? cityNameOf(cityCode),
      previousYear: previous?.year ?? null,
      previousCvs: previous?.cvs ?? null,
      previousPasses: previous?.passes ?? null,
      firstPassedYear: firstPassed,
    });
  }
  return { rows, cities, years, year };
}
