import type { TeacherExchangeYear } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  axisRowTooltip,
  CHART_COLORS,
  CHART_FONT,
  chartLegend,
  paddedMax,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatInteger, formatPercent } from '../../../lib/format.ts';
import { inParens } from '../../../lib/locale-chart.ts';
import {
  LIMIT_LABEL_WIDTH,
  verdictColor,
  yearCategoryAxis,
  yearShareBarSeries,
  yearShareLineSeries,
} from '../../../lib/year-share-chart.ts';

export type RotationYear = Pick<
  TeacherExchangeYear,
  | 'year'
  | 'eligible'
  | 'rotated'
  | 'ratio'
  | 'ratioPasses'
  | 'backboneRotated'
  | 'backboneShare'
  | 'backbonePasses'
  | 'netBackboneToRural'
>;

export interface RotationSeriesOptions {
  lang: Lang;
  /** Minimum share of eligible teachers rotated (0.10). */
  ratioLimit: number;
  /** Minimum share of backbone teachers among those rotated (0.20). */
  backboneLimit: number;
  /** The year the rest of the view shows, in bold on the axis. */
  selectedYear?: number | null;
}

/** Green when the year meets its minimum, red when not, grey when it cannot be computed (no eligible teachers). */
/** The colour of a year's verdict (see lib/year-share-chart.ts). */
export const passColor = verdictColor;

function verdict(lang: Lang, passes: boolean | null): string {
  if (passes === null) return translate(lang, 'verdict.notComputable');
  return passes ? `✓ ${translate(lang, 'verdict.pass')}` : `✗ ${translate(lang, 'verdict.fail')}`;
}

export function formatRotationYearTooltip(row: RotationYear, options: RotationSeriesOptions): string {
  const { lang } = options;
  return [
    tooltipTitle(translate(lang, 'chart.rot.year', { year: row.year })),
    tooltipRow(translate(lang, 'chart.rot.eligible'), formatInteger(row.eligible)),
    tooltipRow(translate(lang, 'chart.rot.rotated'), formatInteger(row.rotated)),
    tooltipRow(
      translate(lang, 'chart.rot.ratio'),
      `${formatPercent(row.ratio)}${inParens(`≥ ${formatPercent(options.ratioLimit, 0)} ${verdict(lang, row.ratioPasses)}`, lang)}`,
      passColor(row.ratioPasses),
    ),
    tooltipRow(translate(lang, 'chart.rot.backboneRotated'), formatInteger(row.backboneRotated)),
    tooltipRow(
      translate(lang, 'chart.rot.backboneShare'),
      `${formatPercent(row.backboneShare)}${inParens(`≥ ${formatPercent(options.backboneLimit, 0)} ${verdict(lang, row.backbonePasses)}`, lang)}`,
      passColor(row.backbonePasses),
    ),
    tooltipRow(translate(lang, 'chart.rot.netBackboneToRural'), formatInteger(row.netBackboneToRural)),
  ].join('');
}

/**
 * 交流轮岗 per year: the share of eligible teachers rotated as bars against the 10 % line, and the share of backbone
 * teachers among those rotated as a line against the 20 % line, both in percent on one axis. Bars and points are
 * green when the year meets its minimum, red when not.
 */
export function buildRotationSeriesOption(rows: readonly RotationYear[], options: RotationSeriesOptions): ChartOption {
  const { lang, ratioLimit, backboneLimit, selectedYear } = options;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const ratioName = translate(lang, 'chart.rot.ratio');
  const backboneName = translate(lang, 'chart.rot.backboneShare');
  const top = paddedMax(
    [ratioLimit, backboneLimit, ...sorted.flatMap((row) => [row.ratio, row.backboneShare])].map((value) =>
      value === null ? null : value * 100,
    ),
    5,
  );

  return {
    textStyle: { fontFamily: CHART_FONT },
    // The two limits are labelled beside the plot, on the right: inside it, a label lay over the bars and points of
    // whichever years were near its line.
    grid: { left: 8, right: LIMIT_LABEL_WIDTH + 12, top: 40, bottom: 8, containLabel: true },
    legend: chartLegend([ratioName, backboneName]),
    tooltip: axisRowTooltip(sorted, (row) => formatRotationYearTooltip(row, options), { shadow: true }),
    xAxis: yearCategoryAxis(
      sorted.map((row) => row.year),
      selectedYear,
      { triggerEvent: true },
    ),
    yAxis: {
      type: 'value',
      min: 0,
      max: top,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis, formatter: '{value}%' },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      yearShareBarSeries(sorted, {
        name: ratioName,
        share: (row) => row.ratio,
        passes: (row) => row.ratioPasses,
        selectedYear,
        label: { position: 'insideTop', color: '#ffffff' },
        limit: {
          name: 'ratio',
          value: ratioLimit,
          label: translate(lang, 'chart.rot.ratioLine', { value: formatPercent(ratioLimit, 0) }),
          color: CHART_COLORS.threshold,
          type: 'dashed',
          position: 'end',
        },
      }),
      yearShareLineSeries(sorted, {
        name: backboneName,
        share: (row) => row.backboneShare,
        passes: (row) => row.backbonePasses,
        symbolSize: 9,
        limit: {
          name: 'backbone',
          value: backboneLimit,
          label: translate(lang, 'chart.rot.backboneLine', { value: formatPercent(backboneLimit, 0) }),
          color: '#9a6100',
          type: 'dotted',
          position: 'end',
        },
      }),
    ],
  };
}
