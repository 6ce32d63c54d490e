import type { QualityIndicatorKey } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  niceAxis,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator } from '../../../lib/format.ts';

/** One school of the comparison: its value of the indicator per year (of the stage compared). */
export interface CompareSchool {
  code: string;
  name: string;
  points: readonly { year: number; value: number | null; met: boolean | null }[];
}

export interface SchoolCompareOptions {
  lang: Lang;
  indicator: QualityIndicatorKey;
  threshold: number | null;
  /** The county weighted mean per year (the same for every school of the stage). */
  countyMeans: readonly { year: number; mean: number | null }[];
  selectedYear?: number | null;
}

/** The profiled school first (dark), then up to four others. */
export const COMPARE_COLORS = ['#1f2933', '#3b6fb6', '#8a62b3', '#2f9486', '#c07a2c'] as const;

export function compareYears(
  schools: readonly CompareSchool[],
  countyMeans: SchoolCompareOptions['countyMeans'],
): number[] {
  const years = new Set<number>(countyMeans.map((item) => item.year));
  for (const school of schools) for (const point of school.points) years.add(point.year);
  return [...years].sort((a, b) => a - b);
}

function mark(met: boolean | null): string {
  if (met === null) return '';
  return met ? ' ✓' : ' ✗';
}

export function formatCompareTooltip(
  year: number,
  schools: readonly CompareSchool[],
  options: SchoolCompareOptions,
): string {
  const { lang, indicator } = options;
  const unit = { unit: true, lang } as const;
  const lines = [tooltipTitle(translate(lang, 'chart.school.year', { year }))];
  schools.forEach((school, index) => {
    const point = school.points.find((item) => item.year === year);
    lines.push(
      tooltipRow(
        school.name,
        point ? `${formatIndicator(indicator, point.value, unit)}${mark(point.met)}` : '—',
        COMPARE_COLORS[index % COMPARE_COLORS.length],
      ),
    );
  });
  const mean = options.countyMeans.find((item) => item.year === year)?.mean ?? null;
  lines.push(
    tooltipRow(translate(lang, 'chart.school.countyMean'), formatIndicator(indicator, mean, unit), CHART_COLORS.mean),
  );
  if (options.threshold !== null) {
    lines.push(
      tooltipRow(translate(lang, 'chart.school.threshold'), formatIndicator(indicator, options.threshold, unit)),
    );
  }
  return lines.join('');
}

/**
 * One indicator across years for the profiled school and up to four others: grouped bars (one colour per school),
 * the county weighted mean as a blue line and the national threshold as a red dashed reference line. A bar that
 * misses the threshold gets a red outline, so met / not met reads without the tooltip.
 */
export function buildSchoolCompareOption(
  schools: readonly CompareSchool[],
  options: SchoolCompareOptions,
): ChartOption {
  const { lang, indicator, threshold, selectedYear } = options;
  const years = compareYears(schools, options.countyMeans);
  const meanName = translate(lang, 'chart.school.countyMean');
  const thresholdName =
    threshold === null
      ? null
      : translate(lang, 'chart.school.thresholdLine', { value: formatIndicator(indicator, threshold) });
  const means = years.map((year) => options.countyMeans.find((item) => item.year === year)?.mean ?? null);
  const largest = Math.max(
    0,
    threshold ?? 0,
    ...means.map((mean) => mean ?? 0),
    ...schools.flatMap((school) => school.points.map((point) => point.value ?? 0)),
  );
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemWidth: 12,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      data: [...schools.map((school) => school.name), meanName, ...(thresholdName ? [thresholdName] : [])],
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const year = years[tooltipDataIndex(params)];
        return year === undefined ? '' : formatCompareTooltip(year, schools, options);
      },
    },
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        formatter: (text: string) => (Number(text) === selectedYear ? `{sel|${text}}` : text),
        rich: { sel: { fontWeight: 'bold', color: CHART_COLORS.mean, fontSize: 12 } },
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      ...niceAxis([largest], 4),
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      ...schools.map((school, index) => {
        const color = COMPARE_COLORS[index % COMPARE_COLORS.length];
        return {
          type: 'bar' as const,
          name: school.name,
          barMaxWidth: 14,
          itemStyle: { color },
          data: years.map((year) => {
            const point = school.points.find((item) => item.year === year);
            return {
              value: point?.value ?? null,
              itemStyle:
                point?.met === false
                  ? { color, borderColor: CHART_COLORS.notMet, borderWidth: 2 }
                  : { color, borderColor: color, borderWidth: 0 },
            };
          }),
          markLine:
            index === 0 && threshold !== null
              ? {
                  symbol: 'none' as const,
                  silent: true,
                  lineStyle: { color: CHART_COLORS.threshold, type: 'dashed' as const, width: 1.5 },
                  // Named in the legend instead: a label on the line would sit on the bars.
                  label: { show: false },
                  data: [{ name: 'threshold', yAxis: threshold }],
                }
              : undefined,
        };
      }),
      {
        type: 'line',
        name: meanName,
        symbol: 'rect',
        symbolSize: 6,
        z: 5,
        lineStyle: { color: CHART_COLORS.mean, width: 1.5, type: 'dashed' },
        itemStyle: { color: CHART_COLORS.mean },
        data: means,
      },
      ...(thresholdName
        ? [
            {
              type: 'line' as const,
              name: thresholdName,
              data: [],
              symbol: 'none',
              lineStyle: { color: CHART_COLORS.threshold, type: 'dashed' as const, width: 1.5 },
              itemStyle: { color: CHART_COLORS.threshold },
            },
          ]
        : []),
    ],
  };
}
