import { type CountyComparisonRow, placeCountiesInGrid, qualityIndicatorValues } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { buildStatusChangeOption, formatGridCellLabel, GRID_CELL_COLORS } from './build-status-change-option.ts';

const KEY = 'sports_area_per_student';
const county = (
  name: string,
  cv: number | null,
  previous: number | null,
  passes: boolean | null = cv === null ? null : cv <= 0.5,
): CountyComparisonRow => ({
  districtCode: `3309${String(name.length).padStart(2, '0')}`,
  districtName: name,
  year: 2025,
  schoolsCounted: 20,
  studentsCounted: 9_000,
  cvs: qualityIndicatorValues({ [KEY]: cv }),
  cvPasses: passes,
  blockingIndicators: [],
  schoolsPassing: 20,
  passes,
  cityCode: '3309',
  cityName: null,
  previousYear: previous === null ? null : 2024,
  previousCvs: previous === null ? null : qualityIndicatorValues({ [KEY]: previous }),
  previousPasses: previous === null ? null : previous <= 0.5,
  firstPassedYear: null,
});

const rows = [
  county('甲县', 0.7, 0.65), // failing far, worse
  county('乙县', 0.58, 0.7), // failing close, improving
  county('丙县', 0.4, 0.45), // passing, improving
  county('丁县', 0.41, 0.405), // passing, steady
  county('戊县', 0.3, null), // passing, no year before
  county('己县', null, null), // no CV: left out
];

describe(buildStatusChangeOption.name, () => {
  it('should draw 3 statuses × 4 changes, colouring occupied cells from good to bad', () => {
    const sut = buildStatusChangeOption(placeCountiesInGrid(rows, KEY, 0.5), { lang: 'zh' });
    expect((sut.xAxis as { data: string[] }).data).toEqual(['改善', '基本持平', '变差', '无上年数据']);
    expect((sut.yAxis as { data: string[] }).data).toEqual(['达标', '未达标·差距小', '未达标·差距大']);
    const data = (sut.series as { data: number[][] }[])[0]?.data ?? [];
    expect(data).toHaveLength(12);
    const pieces = (sut.visualMap as { dimension: number; pieces: { value: number; color: string }[] }).pieces;
    const colourAt = (x: number, y: number) => {
      const cell = data.find((d) => d[0] === x && d[1] === y);
      return pieces.find((piece) => piece.value === cell?.[3])?.color;
    };
    expect(data.find((d) => d[0] === 2 && d[1] === 2)?.[2]).toBe(1);
    expect(colourAt(2, 2)).toBe(GRID_CELL_COLORS.fail.worsened);
    expect(colourAt(0, 1)).toBe(GRID_CELL_COLORS.near.improved);
    expect(colourAt(0, 0)).toBe(GRID_CELL_COLORS.pass.improved);
    expect(colourAt(1, 2)).toBe('#f4f6f9');
  });

  it('should name up to four counties in a cell and count the rest', () => {
    const many = ['子', '丑', '寅', '卯', '辰'].map((n) => county(`${n}县`, 0.7, 0.6));
    const [cell] = placeCountiesInGrid(many, KEY, 0.5).filter((c) => c.count > 0);
    expect(cell && formatGridCellLabel(cell, 'zh')).toBe('{count|5 个县}\n子县、丑县\n寅县、卯县 等');
    expect(cell && formatGridCellLabel(cell, 'en')).toBe('{count|5 counties}\n子县, 丑县\n寅县, 卯县 …');
  });

  it('should count a cell by its count, and say when there are more counties than it names', () => {
    const cell = { status: 'fail', change: 'worsened', count: 812, names: ['子县', '丑县'] } as const;
    expect(formatGridCellLabel({ ...cell, names: [...cell.names] }, 'zh')).toBe('{count|812 个县}\n子县、丑县 等');
  });

  it('should draw an empty grid for no counties', () => {
    const sut = buildStatusChangeOption(placeCountiesInGrid([], 'passes', 0.45), { lang: 'en' });
    const data = (sut.series as { data: number[][] }[])[0]?.data ?? [];
    expect(data.every((d) => d[2] === 0)).toBe(true);
  });
});
