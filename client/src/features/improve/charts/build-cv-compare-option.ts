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
import { formatCv } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

/** One indicator's 差异系数 before and after a plan or a what-if scenario. */
export interface CvCompareRow {
  key: QualityIndicatorKey;
  before: number | null;
  after: number | null;
  passesBefore: boolean | null;
  passesAfter: boolean | null;
}

export interface CvCompareOptions {
  lang: Lang;
  cvLimit: number;
}

/** The "before" bar is neutral grey-blue; "after" is green within the limit, red over it, grey when not computable. */
export const BEFORE_COLOR = '#9aa9bd';

export function afterBarColor(passes: boolean | null): string {
  if (passes === null) return CHART_COLORS.noData;
  return passes ? CHART_COLORS.met : CHART_COLORS.notMet;
}

function verdictText(passes: boolean | null, lang: Lang): string {
  if (passes === null) return translate(lang, 'chart.cv.notComputable');
  return passes ? translate(lang, 'chart.cv.withinLimit') : translate(lang, 'chart.cv.overLimit');
}

/** Tooltip: both CVs with their verdicts, the change and the limit. */
export function formatCvCompareTooltip(row: CvCompareRow, options: CvCompareOptions): string {
  const { lang } = options;
  const delta = row.before !== null && row.after !== null ? row.after - row.before : null;
  return [
    tooltipTitle(indicatorName(row.key, lang)),
    tooltipRow(
      translate(lang, 'improve.chart.before'),
      translate(lang, 'common.withNote', { text: formatCv(row.before), note: verdictText(row.passesBefore, lang) }),
      BEFORE_COLOR,
    ),
    tooltipRow(
      translate(lang, 'improve.chart.after'),
      translate(lang, 'common.withNote', { text: formatCv(row.after), note: verdictText(row.passesAfter, lang) }),
      afterBarColor(row.passesAfter),
    ),
    tooltipRow(translate(lang, 'improve.chart.delta'), delta === null ? '—' : signed(delta)),
    tooltipRow(translate(lang, 'chart.cv.limit'), `≤ ${formatCv(options.cvLimit, 2)}`),
  ].join('');
}

function signed(value: number): string {
  const text = formatCv(value);
  return value > 0 && text !== formatCv(0) ? `+${text}` : text;
}

/**
 * Pairs of horizontal bars per indicator (official order, top to bottom): the CV before in grey-blue and after in
 * green or red, with the stage's limit as a dashed reference line.
 */
export function buildCvCompareOption(rows: readonly CvCompareRow[], options: CvCompareOptions): ChartOption {
  const { lang, cvLimit } = options;
  const cvAxis = niceAxis([cvLimit, ...rows.flatMap((row) => [row.before, row.after])], 4);
  const beforeName = translate(lang, 'improve.chart.before');
  const afterName = translate(lang, 'improve.chart.after');
  const label = (values: readonly (number | null)[]) => ({
    show: true,
    position: 'right' as const,
    fontSize: 11,
    color: CHART_COLORS.text,
    formatter: (params: { dataIndex: number }) => {
      const value = values[params.dataIndex];
      return value === null || value === undefined ? '' : formatCv(value);
    },
  });
  const befores = rows.map((row) => row.before);
  const afters = rows.map((row) => row.after);
  return {
    textStyle: { fontFamily: CHART_FONT },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 12, color: CHART_COLORS.text },
      data: [beforeName, afterName],
    },
    grid: { left: 8, right: 56, top: 44, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[tooltipDataIndex(params)];
        return row ? formatCvCompareTooltip(row, options) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: cvAxis.max,
      interval: cvAxis.interval,
      axisLabel: { fontSize: 12, color: CHART_COLORS.axis, formatter: (value: number) => formatCv(value, 2) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => indicatorShortName(row.key, lang)),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: beforeName,
        barMaxWidth: 14,
        itemStyle: { color: BEFORE_COLOR },
        data: befores,
        label: label(befores),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
          label: {
            position: 'start',
            color: CHART_COLORS.threshold,
            fontSize: 12,
            formatter: translate(lang, 'chart.cv.limitLine', { limit: formatCv(cvLimit, 2) }),
          },
          data: [{ name: 'limit', xAxis: cvLimit }],
        },
      },
      {
        type: 'bar',
        name: afterName,
        barMaxWidth: 14,
        // The legend swatch: green; each bar takes its own verdict colour.
        itemStyle: { color: CHART_COLORS.met },
        data: rows.map((row) => ({ value: row.after, itemStyle: { color: afterBarColor(row.passesAfter) } })),
        label: label(afters),
      },
    ],
  };
}

/** Chart height for n indicators (two bars each). */
export function cvCompareHeight(n: number): number {
  return Math.max(180, 64 + n * 40);
}
