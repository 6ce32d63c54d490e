import type { ClassSizeTrendRow } from '@junheng/shared';
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
import { formatInteger, formatPercent } from '../../../lib/format.ts';
import {
  sharePercent,
  verdictColor,
  yearCategoryAxis,
  yearShareBarSeries,
  yearShareLineSeries,
} from '../../../lib/year-share-chart.ts';

export interface ClassSizeTrendOptions {
  lang: Lang;
  /** Target share of classes of 56 or more (0.05). */
  largeTarget: number;
  /** The year the rest of the view shows, in bold on the axis. */
  selectedYear?: number | null;
}

/** Green when the year meets its target, red when not, grey when some classes have no data and it cannot be judged. */

function verdict(lang: Lang, passes: boolean | null): string {
  if (passes === null) return translate(lang, 'classSize.notJudged');
  return passes ? `✓ ${translate(lang, 'verdict.pass')}` : `✗ ${translate(lang, 'verdict.fail')}`;
}

export function formatClassSizeTooltip(row: ClassSizeTrendRow, options: ClassSizeTrendOptions): string {
  const { lang } = options;
  const lines = [
    tooltipTitle(String(row.year)),
    tooltipRow(translate(lang, 'classSize.classes'), formatInteger(row.classes)),
    tooltipRow(translate(lang, 'classSize.large'), formatInteger(row.largeClasses)),
    tooltipRow(translate(lang, 'classSize.huge'), formatInteger(row.hugeClasses)),
    tooltipRow(
      translate(lang, 'classSize.largeShare'),
      `${formatPercent(row.largeShare, 2)} ${verdict(lang, row.largeSharePasses)}`,
      verdictColor(row.largeSharePasses),
    ),
    tooltipRow(
      translate(lang, 'classSize.hugeShare'),
      `${formatPercent(row.hugeShare, 2)} ${verdict(lang, row.hugeSharePasses)}`,
      verdictColor(row.hugeSharePasses),
    ),
    tooltipRow(translate(lang, 'classSize.oversizeSchools'), formatInteger(row.oversizeSchools)),
  ];
  if (row.classesWithoutData > 0) {
    lines.push(tooltipRow(translate(lang, 'classSize.classesWithoutData'), formatInteger(row.classesWithoutData)));
  }
  return lines.join('');
}

/**
 * 大班额 per year: the share of classes of 56 or more as bars against the 5 % target line, the share of 66 or more as a
 * line (target 0), both in percent on one axis. Bars are green when the year meets ≤ 5 %, red when not, grey when
 * classes without data leave it unjudged.
 */
export function buildClassSizeTrendOption(
  rows: readonly ClassSizeTrendRow[],
  options: ClassSizeTrendOptions,
): ChartOption {
  const { lang, largeTarget, selectedYear } = options;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const largeName = translate(lang, 'classSize.largeShare');
  const hugeName = translate(lang, 'classSize.hugeShare');
  const yAxis = niceAxis([largeTarget * 100, ...sorted.map((row) => sharePercent(row.largeShare))]);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: chartLegend([largeName, hugeName]),
    tooltip: axisRowTooltip(sorted, (row) => formatClassSizeTooltip(row, options), { shadow: true }),
    xAxis: yearCategoryAxis(
      sorted.map((row) => row.year),
      selectedYear,
    ),
    yAxis: {
      type: 'value',
      min: 0,
      max: yAxis.max,
      interval: yAxis.interval,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis, formatter: '{value}%' },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      yearShareBarSeries(sorted, {
        name: largeName,
        share: (row) => row.largeShare,
        passes: (row) => row.largeSharePasses,
        selectedYear,
        label: { position: 'top', color: CHART_COLORS.text },
        limit: {
          name: 'large',
          value: largeTarget,
          label: translate(lang, 'classSize.targetLine', { value: formatPercent(largeTarget, 0) }),
          color: CHART_COLORS.threshold,
          type: 'dashed',
          position: 'insideEndTop',
        },
      }),
      yearShareLineSeries(sorted, {
        name: hugeName,
        share: (row) => row.hugeShare,
        passes: (row) => row.hugeSharePasses,
        symbolSize: 8,
      }),
    ],
  };
}
