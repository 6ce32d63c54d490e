import { describe, expect, it } from 'vitest';
import {
  failingItems,
  formatRatio,
  formatScorecardValue,
  formatTally,
  notEnteredItems,
  scorecardItemLink,
} from './scorecard-display.ts';

const SEARCH = '?district=330999&year=2025&stage=junior&township=330999101&school=X1&sort=name';

describe(scorecardItemLink.name, () => {
  it('should link a per-stage computed item to its view at the item’s stage, keeping county, year and filters', () => {
    expect(scorecardItemLink({ key: 'resource_cv_primary', view: 'balance', stage: 'primary' }, SEARCH)).toEqual({
      pathname: '/balance',
      search: '?district=330999&year=2025&township=330999101',
      hash: '',
    });
    const compliance = scorecardItemLink(
      { key: 'resource_schools_junior', view: 'compliance', stage: 'junior' },
      SEARCH,
    );
    expect(compliance.pathname).toBe('/compliance');
    const params = new URLSearchParams(compliance.search);
    expect(params.get('stage')).toBe('junior');
    expect(params.get('sort')).toBe('passes');
    expect(params.get('order')).toBe('asc');
    expect(params.get('school')).toBeNull();
  });

  it('should link county-wide items to their view with the current stage, and rotation without one', () => {
    expect(scorecardItemLink({ key: 'class_size', view: 'class_size', stage: null }, SEARCH)).toMatchObject({
      pathname: '/class-size',
      search: '?district=330999&year=2025&stage=junior&township=330999101',
    });
    expect(scorecardItemLink({ key: 'rotation_ratio', view: 'rotation', stage: null }, SEARCH).pathname).toBe(
      '/rotation',
    );
  });

  it('should link the items listed here to their school list, and entered items to their row in 县级填报', () => {
    expect(scorecardItemLink({ key: 'music_art_rooms', view: 'scorecard', stage: null }, SEARCH)).toMatchObject({
      pathname: '/scorecard',
      hash: '#scorecard-schools-music_art_rooms',
    });
    expect(scorecardItemLink({ key: 'social_recognition', view: 'county_inputs', stage: null }, '')).toEqual({
      pathname: '/data',
      search: '',
      hash: '#county-input-social_recognition',
    });
  });
});

describe(formatScorecardValue.name, () => {
  it('should show yes/no, percentages, tallies and plain numbers', () => {
    expect(formatScorecardValue({ kind: 'boolean', value: true, tally: null }, 'zh')).toBe('是');
    expect(formatScorecardValue({ kind: 'boolean', value: false, tally: null }, 'en')).toBe('No');
    expect(formatScorecardValue({ kind: 'ratio', value: 0.9, tally: null }, 'zh')).toBe('90.0%');
    expect(
      formatScorecardValue({ kind: 'number', value: 5, tally: { part: 5, whole: 7, unit: 'indicators' } }, 'zh'),
    ).toBe('5 / 7 项');
    expect(formatScorecardValue({ kind: 'number', value: 6500, tally: null }, 'zh')).toBe('6,500');
    expect(formatScorecardValue({ kind: 'number', value: 0.123, tally: null }, 'zh')).toBe('0.12');
    expect(formatScorecardValue({ kind: 'ratio', value: null, tally: null }, 'zh')).toBeNull();
  });

  it('should never round a ratio short of 100% up to 100%', () => {
    expect(formatRatio(0.9996)).toBe('99.96%');
    expect(formatRatio(0.99999)).toBe('99.999%');
    expect(formatRatio(1)).toBe('100.0%');
    expect(formatRatio(0.5)).toBe('50.0%');
  });

  it('should say what a tally counts in either language', () => {
    expect(formatTally({ part: 1, whole: 1, unit: 'schools' }, 'en')).toBe('1 of 1 school');
    expect(formatTally({ part: 1468, whole: 1470, unit: 'teachers' }, 'en')).toBe('1,468 of 1,470 teachers');
    expect(formatTally({ part: 90, whole: 100, unit: 'schools' }, 'zh')).toBe('90 / 100 所');
  });
});

describe(failingItems.name, () => {
  it('should keep the failing items of every part, and list not-entered items apart (never as passing)', () => {
    const items = [
      { key: 'a', status: 'pass' as const },
      { key: 'b', status: 'fail' as const },
      { key: 'c', status: 'not_entered' as const },
      { key: 'd', status: 'fail' as const },
    ];
    expect(failingItems(items).map((i) => i.key)).toEqual(['b', 'd']);
    expect(notEnteredItems(items).map((i) => i.key)).toEqual(['c']);
  });
});
