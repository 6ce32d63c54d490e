import type { IndicatorKey, TrendRow } from '@junheng/shared';
import { cvBarColor } from '@junheng/shared/charts/build-cv-bar-option.ts';
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
import { formatCv, formatCvAgainst, formatIndicator, formatInteger } from '../../../lib/format.ts';
import { indicatorUnit } from '../../../lib/indicators.ts';

export type TrendPoint = Pick<
  TrendRow,
  'year' | 'cv' | 'cvPasses' | 'mean' | 'threshold' | 'n' | 'schoolsMeeting' | 'cvLimit'
> &
  Partial<Pick<TrendRow, 'cvNullReason'>>;

export interface CvTrendOptions {
  lang: Lang;
  indicator: IndicatorKey;
  /** 2017 CV limit of the stage (null for 2012-only indicators). */
  cvLimit: number | null;
  /** National threshold of the indicator (null for 2012-only indicators). */
  threshold: number | null;
  /** The year the rest of the view shows, marked on the axis. */
  selectedYear?: number | null;
  /**
   * Issue #13: years where schools of the county were renamed, merged, closed or opened, with how many changes:
   * marked by a vertical line across both panels, labelled on the top one.
   */
  schoolEventYears?: readonly { year: number; count: number }[];
}

/** Colour of the school-change markers: apart from the pass/fail, mean and limit colours. */
export const SCHOOL_EVENT_COLOR = '#6b4fa0';

function schoolEventLines(options: CvTrendOptions, years: readonly string[], labelled: boolean) {
  return (options.schoolEventYears ?? [])
    .filter((e) => years.includes(String(e.year)))
    .map((e) => ({
      name: `schoolEvents-${e.year}`,
      xAxis: String(e.year),
      lineStyle: { color: SCHOOL_EVENT_COLOR, type: 'dotted' as const, width: 1.5 },
      label: labelled
        ? {
            show: true,
            // Above the top end of the line, horizontal: clear of the CV value labels.
            position: 'end' as const,
            distance: 4,
            color: SCHOOL_EVENT_COLOR,
            fontSize: 11,
            formatter: translate(options.lang, 'schoolEvents.marker', { count: e.count }),
          }
        : { show: false },
    }));
}

function withLines<T extends object>(markLine: T | undefined, lines: object[]): T | undefined {
  if (lines.length === 0) return markLine;
  if (markLine === undefined) return { symbol: 'none', silent: true, data: lines } as unknown as T;
  const data = (markLine as { data?: object[] }).data ?? [];
  return { ...markLine, data: [...data, ...lines] };
}

export function formatTrendTooltip(point: TrendPoint, options: CvTrendOptions): string {
  const { lang, indicator } = options;
  const unit = { unit: true, lang } as const;
  const lines = [
    tooltipTitle(translate(lang, 'chart.trend.year', { year: point.year })),
    tooltipRow(
      translate(lang, 'chart.cv.cv'),
      point.cv === null && point.cvNullReason === 'too_few_units'
        ? translate(lang, 'verdict.tooFewUnits')
        : formatCvAgainst(point.cv, options.cvLimit),
      cvBarColor(point.cvPasses),
    ),
  ];
  if (options.cvLimit !== null)
    lines.push(tooltipRow(translate(lang, 'chart.cv.limit'), `≤ ${formatCv(options.cvLimit, 2)}`));
  lines.push(
    tooltipRow(
      translate(lang, 'chart.cv.weightedMean'),
      formatIndicator(indicator, point.mean, unit),
      CHART_COLORS.mean,
    ),
  );
  if (options.threshold !== null) {
    lines.push(tooltipRow(translate(lang, 'chart.cv.threshold'), formatIndicator(indicator, options.threshold, unit)));
  }
  if (point.schoolsMeeting !== null) {
    lines.push(
      tooltipRow(
        translate(lang, 'chart.cv.schoolsMeeting'),
        `${formatInteger(point.schoolsMeeting)} / ${formatInteger(point.n)}`,
      ),
    );
  }
  const changes = options.schoolEventYears?.find((e) => e.year === point.year);
  if (changes) {
    lines.push(tooltipRow(translate(lang, 'schoolEvents.title'), formatInteger(changes.count), SCHOOL_EVENT_COLOR));
  }
  return lines.join('');
}

/**
 * One indicator across the years, in two stacked panels sharing the year axis: on top its 差异系数 (points green within
 * the limit, red over it, dashed limit line); below its weighted county mean with the national threshold. Two panels
 * rather than two y-axes, so a threshold of 7.5 ㎡ is never read against a CV scale of 0–0.5.
 */
export function buildCvTrendOption(points: readonly TrendPoint[], options: CvTrendOptions): ChartOption {
  const { lang, indicator, cvLimit, threshold } = options;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const years = sorted.map((point) => String(point.year));
  const cvName = translate(lang, 'chart.cv.cv');
  const cvAxis = niceAxis([cvLimit, ...sorted.map((point) => point.cv)], 3);
  const meanAxis = niceAxis([threshold, ...sorted.map((point) => point.mean)], 3);
  const meanName = translate(lang, 'chart.trend.mean');
  const yearLabel = {
    fontSize: 12,
    color: CHART_COLORS.text,
    formatter: (text: string) => (Number(text) === options.selectedYear ? `{sel|${text}}` : text),
    rich: { sel: { fontWeight: 'bold' as const, color: CHART_COLORS.mean, fontSize: 12 } },
  };
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: [
      { left: 8, right: 16, top: 36, height: '38%', containLabel: true },
      { left: 8, right: 16, top: '62%', bottom: 8, containLabel: true },
    ],
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 }, data: [cvName, meanName] },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      formatter: (params) => {
        const point = sorted[tooltipDataIndex(params)];
        return point ? formatTrendTooltip(point, options) : '';
      },
    },
    xAxis: [
      { type: 'category', gridIndex: 0, data: years, axisLabel: { show: false }, axisTick: { show: false } },
      { type: 'category', gridIndex: 1, data: years, axisLabel: yearLabel },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: cvAxis.max,
        interval: cvAxis.interval,
        axisLabel: { fontSize: 11, color: CHART_COLORS.axis, formatter: (value: number) => formatCv(value, 2) },
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      },
      {
        type: 'value',
        gridIndex: 1,
        name: translate(lang, 'common.withNote', { text: meanName, note: indicatorUnit(indicator, lang) }),
        min: 0,
        max: meanAxis.max,
        interval: meanAxis.interval,
        nameTextStyle: { fontSize: 11, color: CHART_COLORS.axis, align: 'left' },
        axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      },
    ],
    series: [
      {
        type: 'line',
        name: cvName,
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbolSize: 9,
        lineStyle: { color: CHART_COLORS.text, width: 2 },
        itemStyle: { color: CHART_COLORS.text },
        data: sorted.map((point) => ({ value: point.cv, itemStyle: { color: cvBarColor(point.cvPasses) } })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (params) => formatCv(sorted[params.dataIndex]?.cv ?? null),
        },
        markLine: withLines(
          cvLimit === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
                label: {
                  position: 'insideEndTop',
                  color: CHART_COLORS.threshold,
                  fontSize: 11,
                  formatter: translate(lang, 'chart.cv.limitLine', { limit: formatCv(cvLimit, 2) }),
                },
                data: [{ name: 'limit', yAxis: cvLimit }],
              },
          schoolEventLines(options, years, true),
        ),
      },
      {
        type: 'line',
        name: meanName,
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbol: 'rect',
        symbolSize: 7,
        lineStyle: { color: CHART_COLORS.mean, width: 2 },
        itemStyle: { color: CHART_COLORS.mean },
        data: sorted.map((point) => point.mean),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          color: CHART_COLORS.mean,
          formatter: (params) => formatIndicator(indicator, sorted[params.dataIndex]?.mean ?? null),
        },
        markLine: withLines(
          threshold === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
                label: {
                  position: 'insideEndTop',
                  color: CHART_COLORS.threshold,
                  fontSize: 11,
                  formatter: translate(lang, 'chart.trend.thresholdLine', {
                    value: formatIndicator(indicator, threshold),
                  }),
                },
                data: [{ name: 'threshold', yAxis: threshold }],
              },
          schoolEventLines(options, years, false),
        ),
      },
    ],
  };
}
