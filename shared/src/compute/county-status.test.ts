import { describe, expect, it } from 'vitest';
import type { CountyComparisonRow } from '../schemas/county-comparison.ts';
import { qualityIndicatorValues } from '../schemas/engine.ts';
import { countCvsOverLimit, placeByCv, placeByVerdict, placeCountiesInGrid, placeCounty } from './county-status.ts';

/** The seven CVs: sports area and equipment as given, the other five not computed. */
const cvs = (sportsArea: number, equipment: number) =>
  qualityIndicatorValues({ sports_area_per_student: sportsArea, equipment_value_per_student: equipment });

const row = (over: Partial<CountyComparisonRow>): CountyComparisonRow => ({
  districtCode: '330991',
  districtName: '澄江区',
  year: 2025,
  schoolsCounted: 20,
  studentsCounted: 10_000,
  cvs: cvs(0.3, 0.4),
  cvPasses: true,
  blockingIndicators: [],
  schoolsPassing: 20,
  passes: true,
  cityCode: '3309',
  cityName: '澄州市',
  previousYear: 2024,
  previousCvs: cvs(0.3, 0.4),
  previousPasses: true,
  firstPassedYear: 2023,
  ...over,
});

describe(placeByCv.name, () => {
  it('should place a CV by the limit and by its change since last year', () => {
    expect(placeByCv(0.42, 0.47, 0.5)).toEqual({ status: 'pass', change: 'improved' });
    expect(placeByCv(0.5, 0.495, 0.5)).toEqual({ status: 'pass', change: 'steady' });
    expect(placeByCv(0.58, 0.55, 0.5)).toEqual({ status: 'near', change: 'worsened' });
    expect(placeByCv(0.6, 0.7, 0.5)).toEqual({ status: 'near', change: 'improved' });
    expect(placeByCv(0.61, 0.605, 0.5)).toEqual({ status: 'fail', change: 'steady' });
  });

  it('should compare at full precision: 0.5004 fails a 0.50 limit', () => {
    expect(placeByCv(0.5004, null, 0.5).status).toBe('near');
    expect(placeByCv(0.45, null, 0.45).status).toBe('pass');
  });

  it('should leave a missing CV without status and a missing previous CV without change', () => {
    expect(placeByCv(null, 0.4, 0.5)).toEqual({ status: null, change: 'none' });
    expect(placeByCv(0.4, null, 0.5)).toEqual({ status: 'pass', change: 'none' });
  });
});

describe(placeByVerdict.name, () => {
  it('should call a county failing with two or more CVs over the limit far, with at most one close', () => {
    expect(placeByVerdict(row({ passes: false, cvs: cvs(0.6, 0.4) }), 0.5).status).toBe('near');
    expect(placeByVerdict(row({ passes: false, cvs: cvs(0.6, 0.7) }), 0.5).status).toBe('fail');
    expect(placeByVerdict(row({ passes: null }), 0.5)).toEqual({ status: null, change: 'none' });
  });

  it('should judge change by the number of CVs over the limit, then by the verdict', () => {
    const failing = { passes: false, previousPasses: false };
    expect(
      placeByVerdict(
        row({
          ...failing,
          cvs: cvs(0.6, 0.7),
          previousCvs: cvs(0.6, 0.4),
        }),
        0.5,
      ).change,
    ).toBe('worsened');
    expect(
      placeByVerdict(
        row({
          ...failing,
          cvs: cvs(0.6, 0.4),
          previousCvs: cvs(0.6, 0.7),
        }),
        0.5,
      ).change,
    ).toBe('improved');
    expect(placeByVerdict(row({ passes: true, previousPasses: false }), 0.5).change).toBe('improved');
    expect(placeByVerdict(row({ passes: false, previousPasses: true }), 0.5)).toEqual({
      status: 'near',
      change: 'worsened',
    });
    expect(placeByVerdict(row({}), 0.5).change).toBe('steady');
    expect(placeByVerdict(row({ previousYear: null, previousCvs: null, previousPasses: null }), 0.5).change).toBe(
      'none',
    );
  });
});

describe(placeCounty.name, () => {
  it('should place by the verdict or by one CV', () => {
    const county = row({
      cvs: cvs(0.55, 0.4),
      previousCvs: cvs(0.7, 0.4),
      passes: false,
      previousPasses: false,
    });
    // Still one CV over the limit and still failing: steady by the verdict, improved by that CV itself.
    expect(placeCounty(county, 'passes', 0.5)).toEqual({ status: 'near', change: 'steady' });
    expect(placeCounty(county, 'sports_area_per_student', 0.5)).toEqual({ status: 'near', change: 'improved' });
    expect(countCvsOverLimit(county.cvs, 0.5)).toBe(1);
  });
});

describe(placeCountiesInGrid.name, () => {
  const KEY = 'sports_area_per_student';
  const county = (name: string, cv: number | null, previous: number | null) =>
    row({
      districtName: name,
      cvs: qualityIndicatorValues({ [KEY]: cv }),
      previousCvs: previous === null ? null : qualityIndicatorValues({ [KEY]: previous }),
      passes: cv === null ? null : cv <= 0.5,
      previousPasses: previous === null ? null : previous <= 0.5,
    });
  const rows = [
    county('甲县', 0.7, 0.65), // failing far, worse
    county('乙县', 0.58, 0.7), // failing close, improving
    county('丙县', 0.4, 0.45), // passing, improving
    county('丁县', 0.41, 0.405), // passing, steady
    county('戊县', 0.3, null), // passing, no year before
    county('己县', null, null), // no CV: left out
    county('庚县', 0.75, 0.8), // failing far, improving
    county('辛县', 0.72, 0.74), // failing far, improving
  ];

  it('should put each county in the cell of its status and change, in the order given, and leave out a county without a CV', () => {
    const cells = placeCountiesInGrid(rows, KEY, 0.5);
    expect(cells.map((c) => `${c.status}:${c.change}`)).toEqual([
      'pass:improved',
      'pass:steady',
      'pass:worsened',
      'pass:none',
      'near:improved',
      'near:steady',
      'near:worsened',
      'near:none',
      'fail:improved',
      'fail:steady',
      'fail:worsened',
      'fail:none',
    ]);
    const cell = (status: string, change: string) => cells.find((c) => c.status === status && c.change === change);
    expect(cell('fail', 'worsened')).toMatchObject({ count: 1, names: ['甲县'] });
    expect(cell('near', 'improved')).toMatchObject({ count: 1, names: ['乙县'] });
    expect(cell('pass', 'improved')).toMatchObject({ count: 1, names: ['丙县'] });
    expect(cell('pass', 'steady')).toMatchObject({ count: 1, names: ['丁县'] });
    expect(cell('pass', 'none')).toMatchObject({ count: 1, names: ['戊县'] });
    expect(cell('fail', 'improved')).toMatchObject({ count: 2, names: ['庚县', '辛县'] });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(7);
  });

  it('should place by the verdict when the measure is the verdict', () => {
    const cells = placeCountiesInGrid([county('庚县', 0.4, 0.6)], 'passes', 0.5);
    expect(cells.filter((c) => c.count > 0)).toMatchObject([{ status: 'pass', change: 'improved', names: ['庚县'] }]);
  });
});
