import { describe, expect, it } from 'vitest';
import {
  type ComparableSchoolCandidate,
  computeComparatorStanding,
  computeCountyDistance,
  computeSchoolDistance,
  localeSteps,
  quantileSorted,
  selectComparableCounties,
  selectComparableSchools,
} from './comparable.ts';

const part = (
  code: string,
  students: number,
  locale: ComparableSchoolCandidate['locale'] = 'urban',
  schoolType: ComparableSchoolCandidate['schoolType'] = 'primary',
): ComparableSchoolCandidate => ({ code, students, locale, schoolType });

describe(computeSchoolDistance.name, () => {
  it('should add |ln(students ratio)| and half a point per urban–rural step', () => {
    expect(computeSchoolDistance(part('a', 400), part('b', 200))).toBeCloseTo(Math.LN2, 15);
    expect(computeSchoolDistance(part('a', 200), part('b', 400))).toBeCloseTo(Math.LN2, 15);
    expect(computeSchoolDistance(part('a', 100, 'urban'), part('b', 100, 'rural'))).toBe(1);
    expect(computeSchoolDistance(part('a', 100, 'town'), part('b', 300, 'rural'))).toBeCloseTo(Math.log(3) + 0.5, 15);
  });

  it('should count steps on the 城区 → 镇区 → 乡村 scale', () => {
    expect(localeSteps('urban', 'urban')).toBe(0);
    expect(localeSteps('urban', 'town')).toBe(1);
    expect(localeSteps('rural', 'urban')).toBe(2);
  });
});

describe(selectComparableSchools.name, () => {
  const subject = part('S', 300, 'town');

  it('should keep only other parts of the same school type, nearest first', () => {
    const sut = selectComparableSchools(subject, [
      subject,
      part('far', 3000, 'town'),
      part('near', 330, 'town'),
      part('junior', 300, 'town', 'junior'),
      part('rural', 300, 'rural'),
    ]);
    expect(sut.map((c) => c.code)).toEqual(['near', 'rural', 'far']);
    expect(sut[0]?.distance).toBeCloseTo(Math.log(1.1), 15);
    expect(sut[1]?.distance).toBe(0.5);
    expect(sut[2]?.distance).toBeCloseTo(Math.log(10), 15);
  });

  it('should order equal distances by school code whatever the input order, and stop at the limit', () => {
    const tied = ['Z9', 'A2', 'M5', 'A10'].map((code) => part(code, 600, 'town'));
    const sut = selectComparableSchools(subject, [...tied, part('B', 150, 'town')], 3);
    // 600 and 150 are both a factor 2 from 300: five ties, the three smallest codes win.
    expect(sut.map((c) => c.code)).toEqual(['A10', 'A2', 'B']);
    expect(selectComparableSchools(subject, [...tied].reverse(), 3).map((c) => c.code)).toEqual(['A10', 'A2', 'M5']);
  });

  it('should take at most ten by default and return fewer when fewer exist', () => {
    const many = Array.from({ length: 15 }, (_, i) => part(`C${String(i).padStart(2, '0')}`, 300 + i, 'town'));
    expect(selectComparableSchools(subject, many)).toHaveLength(10);
    expect(selectComparableSchools(subject, many).at(-1)?.code).toBe('C09');
    expect(selectComparableSchools(subject, [subject])).toEqual([]);
  });
});

describe(selectComparableCounties.name, () => {
  it('should weigh the urban share difference twice and leave out the subject and empty counties', () => {
    const subject = { code: '100001', students: 10000, urbanShare: 0.4 };
    expect(computeCountyDistance(subject, { students: 10000, urbanShare: 0.5 })).toBeCloseTo(0.2, 15);
    const sut = selectComparableCounties(subject, [
      subject,
      { code: '100002', students: 20000, urbanShare: 0.4 },
      { code: '100003', students: 10000, urbanShare: 0.6 },
      { code: '100004', students: 0, urbanShare: null },
      { code: '100005', students: 12000, urbanShare: 0.4 },
    ]);
    expect(sut.map((c) => [c.code, Number(c.distance.toFixed(6))])).toEqual([
      ['100005', Number(Math.log(1.2).toFixed(6))],
      ['100003', 0.4],
      ['100002', Number(Math.LN2.toFixed(6))],
    ]);
  });

  it('should give nothing for a county without students', () => {
    expect(
      selectComparableCounties({ code: '1', students: 0, urbanShare: null }, [
        { code: '2', students: 5, urbanShare: 0 },
      ]),
    ).toEqual([]);
  });
});

describe(quantileSorted.name, () => {
  it('should interpolate between order statistics as percentile_cont does', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([7], 0.25)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe(computeComparatorStanding.name, () => {
  it('should give the spread of the comparators and the competition rank of the school among them', () => {
    const sut = computeComparatorStanding(3, [5, 1, 3, null, 2, 4]);
    expect(sut).toEqual({ n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, rank: 3, of: 6 });
  });

  it('should rank the highest value first and share ranks on ties', () => {
    expect(computeComparatorStanding(9, [1, 2]).rank).toBe(1);
    expect(computeComparatorStanding(0, [1, 2]).rank).toBe(3);
    expect(computeComparatorStanding(2, [2, 2, 1]).rank).toBe(1);
  });

  it('should have no rank without a value and no spread without comparators', () => {
    expect(computeComparatorStanding(null, [1, 2])).toMatchObject({ rank: null, of: 2, n: 2 });
    expect(computeComparatorStanding(4, [])).toEqual({
      n: 0,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      rank: 1,
      of: 1,
    });
  });
});
