import type { ProfileRotationYear } from '@junheng/shared';
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
import { formatInteger } from '../../../lib/format.ts';

export interface ProfileRotationOptions {
  lang: Lang;
  selectedYear?: number | null;
}

/** Sent (blue) and received (teal); the backbone part of each in the darker shade. */
export const ROTATION_COLORS = {
  outBackbone: '#1d4f91',
  outOther: '#8fb0dc',
  inBackbone: '#1f6f63',
  inOther: '#86c9bd',
} as const;

/** A teacher-count axis: whole-number ticks, ending on a tick. */
export function wholeTeacherAxis(values: readonly number[]): { max: number; interval: number } {
  const axis = niceAxis(values, 4);
  if (Number.isInteger(axis.interval)) return axis;
  const interval = Math.max(1, Math.ceil(axis.interval));
  return { max: Math.max(interval, Math.ceil(axis.max / interval) * interval), interval };
}

export function formatProfileRotationTooltip(row: ProfileRotationYear, lang: Lang): string {
  return [
    tooltipTitle(translate(lang, 'chart.school.year', { year: row.year })),
    tooltipRow(translate(lang, 'chart.school.eligible'), formatInteger(row.eligible)),
    tooltipRow(
      translate(lang, 'chart.school.out'),
      translate(lang, 'chart.school.withBackbone', {
        count: formatInteger(row.out),
        backbone: formatInteger(row.backboneOut),
      }),
      ROTATION_COLORS.outBackbone,
    ),
    tooltipRow(
      translate(lang, 'chart.school.in'),
      translate(lang, 'chart.school.withBackbone', {
        count: formatInteger(row.in),
        backbone: formatInteger(row.backboneIn),
      }),
      ROTATION_COLORS.inBackbone,
    ),
    tooltipRow(translate(lang, 'chart.school.net'), formatInteger(row.in - row.out)),
  ].join('');
}

/**
 * 交流轮岗 of one school per year: teachers sent out and received, as two stacked bars per year (the backbone
 * teachers at the bottom in the darker shade).
 */
export function buildProfileRotationOption(
  rows: readonly ProfileRotationYear[],
  options: ProfileRotationOptions,
): ChartOption {
  const { lang, selectedYear } = options;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const names = {
    outBackbone: translate(lang, 'chart.school.outBackbone'),
    outOther: translate(lang, 'chart.school.outOther'),
    inBackbone: translate(lang, 'chart.school.inBackbone'),
    inOther: translate(lang, 'chart.school.inOther'),
  };
  const bar = (key: keyof typeof ROTATION_COLORS, stack: string, values: number[]) => ({
    type: 'bar' as const,
    name: names[key],
    stack,
    barMaxWidth: 22,
    itemStyle: { color: ROTATION_COLORS[key] },
    data: values,
  });
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: chartLegend(Object.values(names), { itemWidth: 12 }),
    tooltip: axisRowTooltip(sorted, (row) => formatProfileRotationTooltip(row, lang), { shadow: true }),
    xAxis: {
      type: 'category',
      data: sorted.map((row) => String(row.year)),
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
      ...wholeTeacherAxis(sorted.flatMap((row) => [row.out, row.in])),
      name: translate(lang, 'chart.school.teachersAxis'),
      nameTextStyle: { fontSize: 11, color: CHART_COLORS.axis, align: 'left' },
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      bar(
        'outBackbone',
        'out',
        sorted.map((row) => row.backboneOut),
      ),
      bar(
        'outOther',
        'out',
        sorted.map((row) => row.out - row.backboneOut),
      ),
      bar(
        'inBackbone',
        'in',
        sorted.map((row) => row.backboneIn),
      ),
      bar(
        'inOther',
        'in',
        sorted.map((row) => row.in - row.backboneIn),
      ),
    ],
  };
}
