import { describe, expect, it } from 'vitest';
import { formatRosterDate, parseRosterDate } from './roster-dates.ts';

describe('parseRosterDate', () => {
  it.each([
    ['2015-09-01', '2015-09-01'],
    ['2015/9/1', '2015-09-01'],
    ['2015.9.1', '2015-09-01'],
    ['2015年9月1日', '2015-09-01'],
    ['２０１５－０９－０１', '2015-09-01'],
    ['20150901', '2015-09-01'],
    ['2015-09-01T00:00:00.000Z', '2015-09-01'],
    ['42248', '2015-09-01'],
    ['2015.09', '2015-09'],
    ['2015-9', '2015-09'],
    ['2015/09', '2015-09'],
    ['2015年9月', '2015-09'],
    ['201509', '2015-09'],
  ])('should read %s as %s', (raw, expected) => {
    const date = parseRosterDate(raw);
    expect(date).not.toBeNull();
    expect(formatRosterDate(date as NonNullable<typeof date>)).toBe(expected);
  });

  it('should read a month-only date as the first of the month', () => {
    expect(parseRosterDate('201509')).toEqual({ year: 2015, month: 9, day: 1, monthOnly: true });
    expect(parseRosterDate('2015-09-01')).toEqual({ year: 2015, month: 9, day: 1, monthOnly: false });
  });

  it.each(['', '九月', '2015-13-01', '2015-02-30', '201513', '1899-01-01', '12345', '2015.9.1.2', '15-09-01', '3.5'])(
    'should refuse %j',
    (raw) => {
      expect(parseRosterDate(raw)).toBeNull();
    },
  );

  it('should read leap days only in leap years', () => {
    expect(parseRosterDate('2016-02-29')).not.toBeNull();
    expect(parseRosterDate('2015-02-29')).toBeNull();
  });
});
