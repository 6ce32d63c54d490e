import type { ComparableSchoolsResponse } from '@junheng/shared';
import type { ChartOption } from '../../components/echart-option.ts';
import { type Lang, translate } from '../../i18n/translate.ts';
import {
  axisRowTooltip,
  CHART_COLORS,
  CHART_FONT,
  chartLegend,
  niceAxis,
  tooltipRow,
  tooltipTitle,
} from '../../lib/chart-theme.ts';
import { formatIndicator, formatNumber } from '../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../lib/indicators.ts';

export type StandingRow = ComparableSchoolsResponse['indicators'][number];

/** A value as a percentage of its national standard (every standard is positive); null stays null. */
export function percentOfStandard(value: number | null, threshold: number): number | null {
  return value === null ? null : (value / threshold) * 100;
}

/** The comparators' box of one indicator in % of the standard: [min, Q1, median, Q3, max], or null without comparators. */
export function standingBox(row: StandingRow): [number, number, number, number, number] | null {
  const { min, q1, median, q3, max } = row.standing;
  if (min === null || q1 === null || median === null || q3 === null || max === null) return null;
  const pct = (v: number) => (v / row.threshold) * 100;
  return [pct(min), pct(q1), pct(median), pct(q3), pct(max)];
}

const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');

/** One indicator's tooltip: the school's value and rank, the comparators' median, quartiles and range, the standard. */
export function formatStandingTooltip(row: StandingRow, lang: Lang): string {
  const unit = { unit: true, lang } as const;
  const f = (value: number | null) => formatIndicator(row.key, value, unit);
  const s = row.standing;
  const lines = [
    tooltipTitle(indicatorName(row.key, lang)),
    tooltipRow(
      translate(lang, 'comparable.school.thisSchool'),
      `${f(row.value)}${mark(row.met)}`,
      row.met === false ? CHART_COLORS.notMet : CHART_COLORS.met,
    ),
    tooltipRow(
      translate(lang, 'comparable.school.rank'),
      s.rank === null ? '—' : translate(lang, 'comparable.school.rankOf', { rank: s.rank, of: s.of }),
    ),
    tooltipRow(translate(lang, 'comparable.school.median'), f(s.median), CHART_COLORS.neutral),
    tooltipRow(translate(lang, 'comparable.school.quartiles'), `${f(s.q1)} – ${f(s.q3)}`),
    tooltipRow(translate(lang, 'comparable.school.range'), `${f(s.min)} – ${f(s.max)}`),
    tooltipRow(translate(lang, 'comparable.school.standard'), f(row.threshold), CHART_COLORS.threshold),
  ];
  return lines.join('');
}

/**
 * Where a school stands among its comparators, indicator by indicator (one row each, in the order of the report):
 * the comparators as a box plot (quartiles, median, min–max whiskers) and the school as a dot coloured met / not met,
 * every value as a percentage of its national standard so that ㎡, yuan and teachers share one axis; the standard is
 * the red dashed line at 100%.
 */
export function buildComparableStandingOption(rows: readonly StandingRow[], options: { lang: Lang }): ChartOption {
  const { lang } = options;
  const boxes = rows.map(standingBox);
  const dots = rows.map((row) => percentOfStandard(row.value, row.threshold));
  const axis = niceAxis([100, ...dots, ...boxes.flatMap((box) => (box ? [box[4]] : []))], 5);
  const comparatorsName = translate(lang, 'comparable.school.comparators');
  const schoolName = translate(lang, 'comparable.school.thisSchool');
  const standardName = translate(lang, 'chart.school.thresholdLegend');
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
    legend: chartLegend([comparatorsName, schoolName, standardName], { selectable: true }),
    tooltip: axisRowTooltip(rows, (row) => formatStandingTooltip(row, lang), { shadow: true }),
    xAxis: {
      type: 'value',
      min: 0,
      max: axis.max,
      interval: axis.interval,
      name: translate(lang, 'comparable.school.percentOfStandard'),
      nameLocation: 'middle',
      nameGap: 22,
      axisLabel: { formatter: '{value}%', color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => indicatorShortName(row.key, lang)),
      axisLabel: { color: CHART_COLORS.text },
      axisTick: { show: false },
    },
    series: [
      {
        name: comparatorsName,
        type: 'boxplot',
        boxWidth: [8, 18],
        itemStyle: { color: '#dbe6f4', borderColor: CHART_COLORS.neutral, borderWidth: 1.5 },
        data: boxes.map((box): (number | '-')[] => box ?? ['-', '-', '-', '-', '-']),
      },
      {
        name: schoolName,
        type: 'scatter',
        symbolSize: 13,
        z: 5,
        itemStyle: { color: CHART_COLORS.met, borderColor: '#ffffff', borderWidth: 1.5 },
        data: rows.map((row, index) => ({
          value: [dots[index] ?? '-', index] as [number | string, number],
          itemStyle: { color: row.met === false ? CHART_COLORS.notMet : CHART_COLORS.met },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
          // The y axis is inverted: the line's start is at the top, clear of the x axis labels.
          label: {
            position: 'start',
            formatter: translate(lang, 'comparable.school.standard'),
            color: CHART_COLORS.threshold,
          },
          data: [{ xAxis: 100 }],
        },
      },
      {
        // Legend entry of the reference line (a markLine has none of its own).
        name: standardName,
        type: 'line',
        data: [],
        lineStyle: { color: CHART_COLORS.threshold, type: 'dashed' },
        itemStyle: { color: CHART_COLORS.threshold },
      },
    ],
  };
}

/** "5 / 9" style summary of the ranks for the panel footer: each indicator's short name and the school's rank. */
export function summariseRanks(rows: readonly StandingRow[], lang: Lang): string {
  return rows
    .map(
      (row) =>
        `${indicatorShortName(row.key, lang)} ${
          row.standing.rank === null
            ? '—'
            : translate(lang, 'comparable.school.rankOf', { rank: row.standing.rank, of: row.standing.of })
        }`,
    )
    .join(lang === 'zh' ? '；' : '; ');
}

export const formatDistance = (distance: number) => formatNumber(distance, 2);
