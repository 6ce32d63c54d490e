import { CHANGE_LEVELS, type ChangeLevel, type CountyGridCell, STATUS_LEVELS, type StatusLevel } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { buildStatusChangeOption, formatGridCellLabel, GRID_CELL_COLORS } from './build-status-change-option.ts';

/** The twelve cells of a grid (as placeCountiesInGrid gives them), with these counties in theirs. */
function gridWith(counties: Partial<Record<`${StatusLevel}:${ChangeLevel}`, string[]>>): CountyGridCell[] {
  return STATUS_LEVELS.flatMap((status) =>
    CHANGE_LEVELS.map((change) => {
      const names = counties[`${status}:${change}`] ?? [];
      return { status, change, count: names.length, names };
    }),
  );
}

const grid = gridWith({
  'fail:worsened': ['甲县'],
  'near:improved': ['乙县'],
  'pass:improved': ['丙县'],
  'pass:steady': ['丁县'],
  'pass:none': ['戊县'],
});

describe(buildStatusChangeOption.name, () => {
  it('should draw 3 statuses × 4 changes, colouring occupied cells from good to bad', () => {
    const sut = buildStatusChangeOption(grid, { lang: 'zh' });
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
    const [cell] = gridWith({ 'fail:steady': ['子县', '丑县', '寅县', '卯县', '辰县'] }).filter((c) => c.count > 0);
    expect(cell && formatGridCellLabel(cell, 'zh')).toBe('{count|5 个县}\n子县、丑县\n寅县、卯县 等');
    expect(cell && formatGridCellLabel(cell, 'en')).toBe('{count|5 counties}\n子县, 丑县\n寅县, 卯县 …');
  });

  it('should count a cell by its count, and say when there are more counties than it names', () => {
    const cell = { status: 'fail', change: 'worsened', count: 812, names: ['子县', '丑县'] } as const;
    expect(formatGridCellLabel({ ...cell, names: [...cell.names] }, 'zh')).toBe('{count|812 个县}\n子县、丑县 等');
  });

  it('should draw an empty grid for no counties', () => {
    const sut = buildStatusChangeOption(gridWith({}), { lang: 'en' });
    const data = (sut.series as { data: number[][] }[])[0]?.data ?? [];
    expect(data.every((d) => d[2] === 0)).toBe(true);
  });
});
