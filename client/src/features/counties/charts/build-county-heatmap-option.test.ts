import { type CountyComparisonRow, QUALITY_INDICATOR_KEYS, qualityIndicatorValues } from '@junheng/shared';
import { HEATMAP_LABEL_COLORS, type RowHeatmapCell } from '@junheng/shared/charts/build-row-heatmap-option.ts';
import { describe, expect, it } from 'vitest';
import {
  buildCountyHeatmapOption,
  COUNTY_CELL_COLORS,
  countyCellState,
  countyHeatmapHeight,
  formatCountyCellTooltip,
  formatCountyVerdict,
} from './build-county-heatmap-option.ts';

const KEYS = QUALITY_INDICATOR_KEYS;

const county = (code: string, name: string, cvs: (number | null)[], over: Partial<CountyComparisonRow> = {}) =>
  ({
    districtCode: code,
    districtName: name,
    year: 2025,
    schoolsCounted: 30,
    studentsCounted: 20_000,
    cvs: qualityIndicatorValues(Object.fromEntries(KEYS.map((key, i) => [key, cvs[i] ?? null]))),
    cvPasses: cvs.every((cv) => cv !== null && cv <= 0.5),
    blockingIndicators: [],
    schoolsPassing: 30,
    passes: cvs.every((cv) => cv !== null && cv <= 0.5),
    cityCode: code.slice(0, 4),
    cityName: '澄州市',
    previousYear: 2024,
    previousCvs: null,
    previousPasses: null,
    firstPassedYear: null,
    ...over,
  }) satisfies CountyComparisonRow;

const passing = county('330999', '澄川县', [0.2, 0.3, 0.4, 0.45, 0.5, 0.3, 0.1], { firstPassedYear: 2023 });
const failing = county('330994', '梅山县', [0.2, 0.52, 0.7, null, 0.5004, 0.3, 0.1]);

describe(buildCountyHeatmapOption.name, () => {
  it('should draw one row per county and one column per CV, coloured against the limit', () => {
    const sut = buildCountyHeatmapOption([passing, failing], { lang: 'zh', limit: 0.5 });
    const series = (sut.series as { data: RowHeatmapCell[] }[])[0];
    expect(series?.data).toHaveLength(14);
    const states = (sut.visualMap as { pieces: { value: number; color: string }[] }).pieces;
    const colourOf = (x: number, y: number) => {
      const cell = series?.data.find(({ value: [cx, cy] }) => cx === x && cy === y);
      return states.find((piece) => piece.value === cell?.value[2])?.color;
    };
    expect(colourOf(4, 0)).toBe(COUNTY_CELL_COLORS.pass); // 0.5 is within a 0.50 limit
    expect(colourOf(1, 1)).toBe(COUNTY_CELL_COLORS.near);
    expect(colourOf(2, 1)).toBe(COUNTY_CELL_COLORS.fail);
    expect(colourOf(3, 1)).toBe(COUNTY_CELL_COLORS.none);
    expect(colourOf(4, 1)).toBe(COUNTY_CELL_COLORS.near); // 0.5004 fails at full precision
    const [names, verdicts] = sut.yAxis as { data: string[]; triggerEvent?: boolean }[];
    expect(names?.data).toEqual(['澄川县', '梅山县']);
    expect(names?.triggerEvent).toBe(true);
    expect(verdicts?.data).toEqual(['达标 · 2023', '未达标 · —']);
    expect((sut.xAxis as { data: string[] }).data).toHaveLength(7);
  });

  it('should label a CV next to its limit with enough decimals to tell it apart', () => {
    const sut = buildCountyHeatmapOption([failing], { lang: 'en', limit: 0.5 });
    const series = (
      sut.series as { data: RowHeatmapCell[]; label: { formatter: (p: { dataIndex: number }) => string } }[]
    )[0];
    expect(series?.label.formatter({ dataIndex: 4 })).toBe('0.5004');
    expect(series?.label.formatter({ dataIndex: 3 })).toBe('—');
    expect(series?.label.formatter({ dataIndex: 2 })).toBe('0.700');
    expect([4, 3, 2].map((i) => series?.data[i]?.label.color)).toEqual([
      HEATMAP_LABEL_COLORS.dark,
      HEATMAP_LABEL_COLORS.dark,
      HEATMAP_LABEL_COLORS.light,
    ]);
  });

  it('should draw an empty chart for no counties and scroll a province’s worth of rows', () => {
    const empty = buildCountyHeatmapOption([], { lang: 'zh', limit: 0.45 });
    expect((empty.series as { data: unknown[] }[])[0]?.data).toEqual([]);
    const many = Array.from({ length: 100 }, (_, i) => county(String(330000 + i), `县${i}`, [0.3]));
    expect(buildCountyHeatmapOption(many, { lang: 'zh', limit: 0.5 }).dataZoom).toBeDefined();
    expect(countyHeatmapHeight(100)).toBeLessThan(countyHeatmapHeight(2) * 10);
  });
});

describe(formatCountyCellTooltip.name, () => {
  it('should give the CV, the limit, last year and the verdict', () => {
    const withPrevious = { ...failing, previousCvs: { ...failing.cvs, pe_art_teachers_per100: 0.65 } };
    const text = formatCountyCellTooltip(withPrevious, 'pe_art_teachers_per100', 0.5, 'zh');
    expect(text).toContain('梅山县');
    expect(text).toContain('0.700');
    expect(text).toContain('0.650');
    expect(text).toContain('140.0%');
    expect(text).toContain('超出限值 ≥ 20%');
  });

  it('should say why there is no CV', () => {
    expect(formatCountyCellTooltip(failing, 'teaching_room_area_per_student', 0.5, 'en')).toContain('fewer than 2');
    expect(countyCellState(undefined, 0.5)).toBe('none');
    expect(formatCountyVerdict({ passes: null, firstPassedYear: null }, 'zh')).toBe('无法判断 · —');
  });
});
