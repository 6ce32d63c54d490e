import type { Locale, QualityIndicatorKey } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  escapeHtml,
  niceAxis,
  TOOLTIP_BASE,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { inParens, LOCALE_COLORS, localeLabel, orderLocales } from '../../../lib/locale-chart.ts';

/** One counted school of the balance report, reduced to the indicator shown. */
export interface DistributionSchool {
  code: string;
  name: string;
  townshipName: string;
  locale: Locale;
  students: number;
  value: number | null;
  met: boolean | null;
}

export interface LocaleDistributionOptions {
  lang: Lang;
  indicator: QualityIndicatorKey;
  threshold: number | null;
  /** Student-weighted county mean (all classes). */
  mean: number | null;
  /** The school last opened, drawn with a dark ring. */
  highlightCode?: string | null;
}

export interface BoxStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The p-quantile of sorted values by linear interpolation between closest ranks (Excel QUARTILE.INC). */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

/**
 * Five-number summary of the schools' values (each school counts once: the box shows how schools differ, the
 * student weighting is in the county mean line). Quartiles as Excel's QUARTILE.INC, so an analyst can reproduce them.
 * null for no values.
 */
export function computeBoxStats(values: readonly (number | null)[]): BoxStats | null {
  const sorted = values
    .filter((value): value is number => value !== null && Number.isFinite(value))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    n: sorted.length,
    min: sorted[0] ?? 0,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/**
 * A stable horizontal offset in [−0.3, 0.3] of a class's band for a school, from its code: points do not pile up on
 * one vertical line, and do not move between renders (no Math.random in a builder).
 */
export function jitterOffset(code: string): number {
  let hash = 2166136261;
  for (let index = 0; index < code.length; index++) {
    hash ^= code.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return (((hash >>> 0) % 1000) / 999 - 0.5) * 0.6;
}

/** Marker size by enrolment: a 2 000-student school stands out from a 60-student village school. */
export function schoolSymbolSize(students: number): number {
  return Math.round(Math.min(16, Math.max(6, 4 + Math.sqrt(Math.max(0, students)) / 4)));
}

export function schoolPointColor(met: boolean | null): string {
  if (met === null) return CHART_COLORS.neutral;
  return met ? CHART_COLORS.met : CHART_COLORS.notMet;
}

/** The classes that have at least one school with a value, in the official order. */
export function distributionCategories(schools: readonly DistributionSchool[]): Locale[] {
  return orderLocales(schools.filter((school) => school.value !== null).map((school) => school.locale));
}

export function formatSchoolPointTooltip(school: DistributionSchool, options: LocaleDistributionOptions): string {
  const { lang, indicator, threshold } = options;
  const unit = { unit: true, lang } as const;
  const lines = [
    tooltipTitle(school.name),
    `<div style="margin-bottom:4px;color:${CHART_COLORS.axis}">${escapeHtml(
      `${school.townshipName} · ${localeLabel(school.locale, lang)} · ${translate(lang, 'chart.ur.students', {
        count: formatInteger(school.students),
      })}`,
    )}</div>`,
    tooltipRow(
      indicatorName(indicator, lang),
      formatIndicator(indicator, school.value, unit),
      schoolPointColor(school.met),
    ),
  ];
  if (threshold !== null) {
    lines.push(
      tooltipRow(translate(lang, 'chart.ur.threshold'), formatIndicator(indicator, threshold, unit)),
      tooltipRow(
        translate(lang, 'chart.ur.meets'),
        school.met === null
          ? '—'
          : school.met
            ? translate(lang, 'verdict.met')
            : `${translate(lang, 'verdict.notMet')}${inParens(school.value === null ? '—' : formatPercent(school.value / threshold), lang)}`,
      ),
    );
  }
  lines.push(tooltipRow(translate(lang, 'chart.ur.countyMean'), formatIndicator(indicator, options.mean, unit)));
  lines.push(
    `<div style="margin-top:4px;color:${CHART_COLORS.axis}">${escapeHtml(translate(lang, 'chart.ur.clickToOpen'))}</div>`,
  );
  return lines.join('');
}

export function formatBoxTooltip(locale: Locale, stats: BoxStats, options: LocaleDistributionOptions): string {
  const { lang, indicator } = options;
  const format = (value: number) => formatIndicator(indicator, value, { unit: true, lang });
  return [
    tooltipTitle(
      `${localeLabel(locale, lang)} · ${translate(lang, 'chart.ur.schoolCount', { count: formatInteger(stats.n) })}`,
    ),
    tooltipRow(translate(lang, 'chart.ur.max'), format(stats.max)),
    tooltipRow(translate(lang, 'chart.ur.q3'), format(stats.q3)),
    tooltipRow(translate(lang, 'chart.ur.median'), format(stats.median)),
    tooltipRow(translate(lang, 'chart.ur.q1'), format(stats.q1)),
    tooltipRow(translate(lang, 'chart.ur.min'), format(stats.min)),
  ].join('');
}

interface ItemParams {
  seriesType?: string;
  dataIndex?: number;
  name?: string;
}

const SCATTER_SERIES = ['met', 'notMet', 'unknown'] as const;

/**
 * Distribution of one indicator per locale class: a box per class (min, quartiles, max of the schools' values) with
 * every school as a point over it (green met, red not met; size by enrolment), the national threshold (red, dashed)
 * and the county weighted mean (blue) across. Points carry the school code as their name, so a click opens the
 * profile. Boxes sit on a category axis; points on a hidden value axis from −0.5 to n − 0.5, which puts class i at
 * the same place, with a stable jitter.
 */
export function buildLocaleDistributionOption(
  schools: readonly DistributionSchool[],
  options: LocaleDistributionOptions,
): ChartOption {
  const { lang, indicator, threshold, mean } = options;
  const categories = distributionCategories(schools);
  const withValue = schools.filter(
    (school): school is DistributionSchool & { value: number } =>
      school.value !== null && categories.includes(school.locale),
  );
  const byCode = new Map(withValue.map((school) => [school.code, school]));
  // With fewer classes each band is wider: narrow the jitter so the points stay around their box.
  const spread = Math.min(1, categories.length / 3);
  const boxes = categories.map((locale) =>
    computeBoxStats(withValue.filter((school) => school.locale === locale).map((school) => school.value)),
  );
  const largest = Math.max(0, ...withValue.map((school) => school.value), threshold ?? 0, mean ?? 0);
  const seriesName = {
    met: translate(lang, 'chart.ur.seriesMet'),
    notMet: translate(lang, 'chart.ur.seriesNotMet'),
    unknown: translate(lang, 'chart.ur.seriesNoThreshold'),
  };
  const kindOf = (school: DistributionSchool): (typeof SCATTER_SERIES)[number] =>
    school.met === null ? 'unknown' : school.met ? 'met' : 'notMet';

  const lines: { name: string; yAxis: number; lineStyle: object; label: object }[] = [];
  if (threshold !== null) {
    lines.push({
      name: 'threshold',
      yAxis: threshold,
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      label: {
        position: 'insideEndBottom',
        color: CHART_COLORS.threshold,
        formatter: translate(lang, 'chart.ur.thresholdLine', { value: formatIndicator(indicator, threshold) }),
      },
    });
  }
  if (mean !== null) {
    lines.push({
      name: 'mean',
      yAxis: mean,
      lineStyle: { color: CHART_COLORS.mean, type: 'solid', width: 1.5 },
      label: {
        position: 'insideEndTop',
        color: CHART_COLORS.mean,
        formatter: translate(lang, 'chart.ur.meanLine', { value: formatIndicator(indicator, mean) }),
      },
    });
  }

  const scatterSeries = SCATTER_SERIES.filter(
    (kind) => kind !== 'unknown' || withValue.some((s) => s.met === null),
  ).map((kind, index) => ({
    type: 'scatter' as const,
    name: seriesName[kind],
    xAxisIndex: 1,
    yAxisIndex: 0,
    itemStyle: {
      color: kind === 'met' ? CHART_COLORS.met : kind === 'notMet' ? CHART_COLORS.notMet : CHART_COLORS.neutral,
      opacity: 0.85,
    },
    data: withValue
      .filter((school) => kindOf(school) === kind)
      .map((school) => ({
        name: school.code,
        value: [categories.indexOf(school.locale) + jitterOffset(school.code) * spread, school.value],
        symbolSize: schoolSymbolSize(school.students),
        itemStyle:
          school.code === options.highlightCode
            ? { borderColor: CHART_COLORS.text, borderWidth: 2.5, opacity: 1 }
            : { borderColor: '#ffffff', borderWidth: 0.5 },
      })),
    markLine: index === 0 ? { symbol: 'none', silent: true, label: { fontSize: 11 }, data: lines } : undefined,
  }));

  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      selectedMode: false,
      data: scatterSeries.map((series) => series.name),
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = (params ?? {}) as ItemParams;
        if (item.seriesType === 'boxplot') {
          const locale = item.dataIndex === undefined ? undefined : categories[item.dataIndex];
          const stats = item.dataIndex === undefined ? undefined : boxes[item.dataIndex];
          return locale && stats ? formatBoxTooltip(locale, stats, options) : '';
        }
        const school = item.name ? byCode.get(item.name) : undefined;
        return school ? formatSchoolPointTooltip(school, options) : '';
      },
    },
    xAxis: [
      {
        type: 'category',
        data: categories.map((locale) => localeLabel(locale, lang)),
        triggerEvent: true,
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: CHART_COLORS.text },
      },
      { type: 'value', min: -0.5, max: Math.max(0.5, categories.length - 0.5), show: false },
    ],
    yAxis: {
      type: 'value',
      min: 0,
      ...niceAxis([largest], 5),
      // The hidden value x-axis of the points starts at −0.5: keep this axis at the left edge, not at its zero.
      axisLine: { onZero: false },
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      {
        type: 'boxplot',
        name: translate(lang, 'chart.ur.box'),
        xAxisIndex: 0,
        yAxisIndex: 0,
        // In pixels: one class alone would otherwise get a box across the whole chart.
        boxWidth: [14, 72],
        data: categories.map((locale, index) => {
          const stats = boxes[index];
          return {
            value: stats ? [stats.min, stats.q1, stats.median, stats.q3, stats.max] : [],
            itemStyle: { color: `${LOCALE_COLORS[locale]}1f`, borderColor: LOCALE_COLORS[locale], borderWidth: 1.5 },
          };
        }),
      },
      ...scatterSeries,
    ],
  };
}
