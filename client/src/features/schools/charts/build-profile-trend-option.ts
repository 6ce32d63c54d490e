import type { ProfilePart, QualityIndicatorKey, Stage } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  axisRowTooltip,
  CHART_COLORS,
  CHART_FONT,
  chartLegend,
  niceAxis,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator, formatInteger } from '../../../lib/format.ts';

/** One year of one indicator of one school part. */
export interface ProfileTrendPoint {
  year: number;
  value: number | null;
  countyMean: number | null;
  threshold: number | null;
  met: boolean | null;
  rank: number | null;
  n: number;
}

/** The points of one indicator of one stage part, oldest year first (years without that part are left out). */
export function profileTrendPoints(
  parts: readonly Pick<ProfilePart, 'year' | 'stage' | 'indicators'>[],
  stage: Stage,
  key: QualityIndicatorKey,
): ProfileTrendPoint[] {
  return parts
    .filter((part) => part.stage === stage)
    .flatMap((part) => {
      const indicator = part.indicators.find((item) => item.key === key);
      return indicator
        ? [
            {
              year: part.year,
              value: indicator.value,
              countyMean: indicator.countyMean,
              threshold: indicator.threshold,
              met: indicator.met,
              rank: indicator.rank,
              n: indicator.n,
            },
          ]
        : [];
    })
    .sort((a, b) => a.year - b.year);
}

export interface ProfileTrendOptions {
  lang: Lang;
  indicator: QualityIndicatorKey;
  schoolName: string;
  selectedYear?: number | null;
}

export function metColor(met: boolean | null): string {
  if (met === null) return CHART_COLORS.noData;
  return met ? CHART_COLORS.met : CHART_COLORS.notMet;
}

export function formatProfileTrendTooltip(point: ProfileTrendPoint, options: ProfileTrendOptions): string {
  const { lang, indicator } = options;
  const unit = { unit: true, lang } as const;
  const lines = [
    tooltipTitle(translate(lang, 'chart.school.year', { year: point.year })),
    tooltipRow(options.schoolName, formatIndicator(indicator, point.value, unit), metColor(point.met)),
    tooltipRow(
      translate(lang, 'chart.school.countyMean'),
      formatIndicator(indicator, point.countyMean, unit),
      CHART_COLORS.mean,
    ),
  ];
  if (point.threshold !== null) {
    lines.push(
      tooltipRow(translate(lang, 'chart.school.threshold'), formatIndicator(indicator, point.threshold, unit)),
    );
  }
  lines.push(
    tooltipRow(
      translate(lang, 'chart.school.rank'),
      point.rank === null
        ? translate(lang, 'chart.school.notRanked')
        : translate(lang, 'chart.school.rankOf', { rank: formatInteger(point.rank), n: formatInteger(point.n) }),
    ),
  );
  return lines.join('');
}

/**
 * Where a point's value label goes: above the point, unless the threshold line runs just above it (within the height
 * of a label, about a tenth of the axis), where the dashed line would strike the figure through; then below.
 */
export function valueLabelPosition(value: number | null, threshold: number | null, axisMax: number): 'top' | 'bottom' {
  if (value === null || threshold === null || !(axisMax > 0)) return 'top';
  const gap = threshold - value;
  return gap >= 0 && gap <= axisMax * 0.12 ? 'bottom' : 'top';
}

/**
 * One indicator of one school across the years: its value (solid line, points green when met, red when not) against
 * the county weighted mean (blue, dashed) and the national threshold (red, dashed reference line).
 */
export function buildProfileTrendOption(
  points: readonly ProfileTrendPoint[],
  options: ProfileTrendOptions,
): ChartOption {
  const { lang, indicator, selectedYear } = options;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const threshold = sorted.find((point) => point.threshold !== null)?.threshold ?? null;
  const meanName = translate(lang, 'chart.school.countyMean');
  const largest = Math.max(0, threshold ?? 0, ...sorted.flatMap((point) => [point.value ?? 0, point.countyMean ?? 0]));
  const yAxis = niceAxis([largest], 4);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: chartLegend([options.schoolName, meanName]),
    tooltip: axisRowTooltip(sorted, (point) => formatProfileTrendTooltip(point, options)),
    xAxis: {
      type: 'category',
      data: sorted.map((point) => String(point.year)),
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
      ...yAxis,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      {
        type: 'line',
        name: options.schoolName,
        symbolSize: 9,
        lineStyle: { color: CHART_COLORS.text, width: 2 },
        itemStyle: { color: CHART_COLORS.text },
        data: sorted.map((point) => ({
          value: point.value,
          itemStyle: { color: metColor(point.met) },
          label: { position: valueLabelPosition(point.value, threshold, yAxis.max) },
        })),
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          // A white halo keeps the figure legible where a line passes behind it.
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          formatter: (params: { dataIndex: number }) =>
            formatIndicator(indicator, sorted[params.dataIndex]?.value ?? null),
        },
        markLine:
          threshold === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
                label: {
                  position: 'insideEndTop',
                  fontSize: 11,
                  color: CHART_COLORS.threshold,
                  formatter: translate(lang, 'chart.school.thresholdLine', {
                    value: formatIndicator(indicator, threshold),
                  }),
                },
                data: [{ name: 'threshold', yAxis: threshold }],
              },
      },
      {
        type: 'line',
        name: meanName,
        symbol: 'rect',
        symbolSize: 6,
        lineStyle: { color: CHART_COLORS.mean, width: 1.5, type: 'dashed' },
        itemStyle: { color: CHART_COLORS.mean },
        data: sorted.map((point) => point.countyMean),
      },
    ],
  };
}
