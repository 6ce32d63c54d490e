import type { SchoolEvent } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { nameInYearOf, schoolEventsByYear, schoolEventText } from './school-event-text.ts';

const event = (overrides: Partial<SchoolEvent>): SchoolEvent => ({
  schoolCode: '3301100002',
  year: 2025,
  kind: 'closed',
  oldValue: null,
  newValue: null,
  targetSchoolCode: null,
  schoolName: '白云村小学',
  targetSchoolName: null,
  oldLabel: null,
  newLabel: null,
  ...overrides,
});

describe(schoolEventText.name, () => {
  it('should describe each kind in Chinese and English, in the names of that year', () => {
    const renamed = event({ kind: 'renamed', oldLabel: '柳溪乡中心小学', newLabel: '柳溪镇中心小学' });
    expect(schoolEventText(renamed, 'zh')).toBe('「柳溪乡中心小学」更名为「柳溪镇中心小学」');
    expect(schoolEventText(renamed, 'en')).toBe('“柳溪乡中心小学” renamed “柳溪镇中心小学”');
    const merged = event({ kind: 'merged_into', targetSchoolCode: '3301100001', targetSchoolName: '城关小学' });
    expect(schoolEventText(merged, 'zh')).toBe('白云村小学 撤并入 城关小学');
    expect(schoolEventText({ ...merged, targetSchoolName: null }, 'zh')).toBe('白云村小学 撤并入 区域外学校');
    expect(schoolEventText(event({}), 'zh')).toBe('白云村小学 撤销');
    const type = event({ kind: 'type_changed', oldValue: 'primary', newValue: 'nine_year', oldLabel: '小学' });
    expect(schoolEventText({ ...type, newLabel: '九年一贯制学校' }, 'zh')).toBe(
      '白云村小学：办学类型由小学改为九年一贯制学校',
    );
    expect(schoolEventText(type, 'en')).toContain('Primary');
  });

  it('should count the changes per year, oldest first', () => {
    expect(schoolEventsByYear([event({ year: 2025 }), event({ year: 2022 }), event({ year: 2025 })])).toEqual([
      { year: 2022, count: 1 },
      { year: 2025, count: 2 },
    ]);
  });
});

describe(nameInYearOf.name, () => {
  it('should give the name a school had in a year', () => {
    const renamed = event({ kind: 'renamed', year: 2022, oldValue: '柳溪乡中心小学', newValue: '柳溪镇中心小学' });
    expect(nameInYearOf('柳溪镇中心小学', [renamed], renamed.schoolCode, 2021)).toBe('柳溪乡中心小学');
    expect(nameInYearOf('柳溪镇中心小学', [renamed], renamed.schoolCode, 2022)).toBe('柳溪镇中心小学');
    expect(nameInYearOf('柳溪镇中心小学', [renamed], '3301100009', 2021)).toBe('柳溪镇中心小学');
  });
});
