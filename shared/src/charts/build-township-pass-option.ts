import type { QualitySchoolResult } from '../index.ts';
import { chartText, type Lang } from './chart-messages.ts';
import type { ChartOption } from './chart-option.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  FAIL_DECAL,
  PASS_FAIL_COLORS,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from './chart-theme.ts';
import { formatInteger, formatPercent } from './format.ts';

/** Counted school-stage units of one township and how many pass 资源配置. */
export interface TownshipPassRow {
  code: string;
  name: string;
  passing: number;
  failing: number;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Schools passing and failing per township, over the reports given (one per stage: a nine-year school counts once
 * per stage, as in the CVs). Ordered by township code (街道, then 镇, then 乡, the official numbering).
 */
export function summarizeTownshipPass(
  schools: readonly Pick<QualitySchoolResult, 'townshipCode' | 'townshipName' | 'passes'>[],
): TownshipPassRow[] {
  const rows = new Map<string, TownshipPassRow>();
  for (const school of schools) {
    const row = rows.get(school.townshipCode) ?? {
      code: school.townshipCode,
      name: school.townshipName || school.townshipCode,
      passing: 0,
      failing: 0,
    };
    if (school.passes) row.passing += 1;
    else row.failing += 1;
    rows.set(school.townshipCode, row);
  }
  return [...rows.values()].sort((a, b) => collator.compare(a.code, b.code));
}

export function formatTownshipPassTooltip(row: TownshipPassRow, lang: Lang): string {
  const total = row.passing + row.failing;
  return [
    tooltipTitle(row.name),
    tooltipRow(chartText(lang, 'overview.township.passing'), formatInteger(row.passing), PASS_FAIL_COLORS.pass),
    tooltipRow(chartText(lang, 'overview.township.failing'), formatInteger(row.failing), PASS_FAIL_COLORS.fail),
    tooltipRow(chartText(lang, 'overview.township.share'), formatPercent(total ? row.passing / total : null)),
    `<div style="margin-top:4px;color:${CHART_COLORS.axis}">${chartText(lang, 'overview.township.clickHint')}</div>`,
  ].join('');
}

/**
 * Stacked horizontal bars, one per township: schools passing (blue) and failing (vermilion, hatched), so the split
 * does not rest on red against green. A click on a row filters
 * the dashboard to that township (the component wires it); the selected township is drawn in bold.
 */
export function buildTownshipPassOption(
  rows: readonly TownshipPassRow[],
  options: { lang: Lang; selected?: readonly string[] },
): ChartOption {
  const { lang } = options;
  const selected = new Set(options.selected ?? []);
  const label = (values: readonly number[], halo: string) => ({
    show: true,
    fontSize: 11,
    color: '#ffffff',
    // Legible over the hatching too.
    textBorderColor: halo,
    textBorderWidth: 2,
    formatter: (params: { dataIndex: number }) => {
      const value = values[params.dataIndex] ?? 0;
      return value > 0 ? formatInteger(value) : '';
    },
  });
  const passing = rows.map((row) => row.passing);
  const failing = rows.map((row) => row.failing);
  return {
    textStyle: { fontFamily: CHART_FONT },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12, color: CHART_COLORS.text } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[tooltipDataIndex(params)];
        return row ? formatTownshipPassTooltip(row, lang) : '';
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: 12, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => ({
        value: row.name,
        textStyle: selected.has(row.code) ? { fontWeight: 'bold', color: CHART_COLORS.mean } : {},
      })),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text },
      axisTick: { show: false },
      triggerEvent: true,
    },
    series: [
      {
        type: 'bar',
        name: chartText(lang, 'overview.township.passing'),
        stack: 'schools',
        barMaxWidth: 18,
        itemStyle: { color: PASS_FAIL_COLORS.pass },
        data: passing,
        label: label(passing, PASS_FAIL_COLORS.pass),
        cursor: 'pointer',
      },
      {
        type: 'bar',
        name: chartText(lang, 'overview.township.failing'),
        stack: 'schools',
        barMaxWidth: 18,
        itemStyle: { color: PASS_FAIL_COLORS.fail, decal: FAIL_DECAL },
        data: failing,
        label: label(failing, PASS_FAIL_COLORS.fail),
        cursor: 'pointer',
      },
    ],
  };
}

export function townshipPassHeight(n: number): number {
  return Math.max(160, 48 + n * 28);
}

/** The township filter after a click: that township alone, or back to the whole county when it was already alone. */
export function toggleTownshipFilter(current: readonly string[], code: string): string[] {
  return current.length === 1 && current[0] === code ? [] : [code];
}
