import { LOCALES, type Locale, type LocaleGroup, type QualityIndicatorKey } from '@junheng/shared';
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
import { indicatorName, indicatorShortName, indicatorUnit } from '../../../lib/indicators.ts';
import { FADED_OPACITY, inParens, isLocaleEmphasised, localeLabel } from '../../../lib/locale-chart.ts';

export type LocaleMeansGroup = Pick<LocaleGroup, 'locale' | 'schools' | 'students' | 'means'>;

/** The national threshold and the county's student-weighted mean of one indicator (the reference lines). */
export interface LocaleMeansReference {
  key: QualityIndicatorKey;
  threshold: number;
  mean: number | null;
}

export interface LocaleMeansOptions {
  lang: Lang;
  /** One entry per indicator drawn, in the order drawn (the seven, in the official order). */
  references: readonly LocaleMeansReference[];
  /** Classes the URL filters to: drawn at full strength, the others faded. Empty = every class. */
  selected: readonly Locale[];
  /** Small multiples per row (4 fits seven indicators in two rows at 1366 px). */
  columns?: number;
  /** Height of the chart in pixels (the rows of multiples share it). */
  height: number;
}

/** A class mean at or above the threshold is green, below it red; no students in the class, grey. */
export function localeMeanColor(mean: number | null | undefined, threshold: number): string {
  if (mean === null || mean === undefined) return CHART_COLORS.noData;
  return mean >= threshold ? CHART_COLORS.met : CHART_COLORS.notMet;
}

/** The class's mean, or null when the class has no counted school. */
export function classMean(group: LocaleMeansGroup | undefined, key: QualityIndicatorKey): number | null {
  if (!group || group.schools === 0) return null;
  return group.means[key] ?? null;
}

export interface CellLayout {
  left: string;
  width: string;
  top: number;
  height: number;
  titleLeft: string;
  titleTop: number;
}

/** Legend strip above the small multiples, in pixels. */
export const LEGEND_SPACE = 28;
const TITLE_SPACE = 22;

/**
 * Positions of `count` small multiples in `columns` per row, in a chart `height` pixels tall: each cell has a title
 * line, then its plot with the class names under it (containLabel keeps the labels inside the cell). Widths are
 * percentages, so the layout follows the panel's width.
 */
export function smallMultipleLayout(count: number, columns: number, height: number): CellLayout[] {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const cellWidth = 100 / cols;
  const cellHeight = (height - LEGEND_SPACE) / rows;
  const cells: CellLayout[] = [];
  for (let index = 0; index < count; index++) {
    const col = index % cols;
    const row = Math.floor(index / cols);
    const x = col * cellWidth;
    const y = LEGEND_SPACE + row * cellHeight;
    cells.push({
      left: `${(x + 0.5).toFixed(2)}%`,
      width: `${(cellWidth - 2.5).toFixed(2)}%`,
      top: Math.round(y + TITLE_SPACE),
      height: Math.max(40, Math.round(cellHeight - TITLE_SPACE - 10)),
      titleLeft: `${(x + 0.5).toFixed(2)}%`,
      titleTop: Math.round(y + 2),
    });
  }
  return cells;
}

export function formatLocaleMeanTooltip(
  group: LocaleMeansGroup | undefined,
  locale: Locale,
  reference: LocaleMeansReference,
  lang: Lang,
): string {
  const { key, threshold } = reference;
  const unit = { unit: true, lang } as const;
  const mean = classMean(group, key);
  const lines = [
    tooltipTitle(`${localeLabel(locale, lang)} · ${indicatorName(key, lang)}`),
    tooltipRow(
      translate(lang, 'chart.ur.classMean'),
      formatIndicator(key, mean, unit),
      localeMeanColor(mean, threshold),
    ),
    tooltipRow(translate(lang, 'chart.ur.threshold'), formatIndicator(key, threshold, unit)),
    tooltipRow(translate(lang, 'chart.ur.ofThreshold'), mean === null ? '—' : formatPercent(mean / threshold)),
    tooltipRow(translate(lang, 'chart.ur.countyMean'), formatIndicator(key, reference.mean, unit)),
  ];
  if (group) {
    lines.push(
      `<div style="margin-top:4px;color:${CHART_COLORS.axis}">${escapeHtml(
        translate(lang, 'chart.ur.schoolsStudents', {
          schools: formatInteger(group.schools),
          students: formatInteger(group.students),
        }),
      )}</div>`,
    );
  }
  return lines.join('');
}

interface ItemParams {
  seriesIndex?: number;
  dataIndex?: number;
}

/**
 * Small multiples, one per indicator: the student-weighted mean of 城区, 镇区 and 乡村 as bars (green at or above
 * the national threshold, red below), with the threshold (red, dashed) and the county weighted mean (blue) as
 * reference lines. Each indicator keeps its own axis and unit, so none is flattened by another's scale. Classes
 * outside the URL's locale filter are faded, not hidden: the comparison is always across all three.
 */
export function buildLocaleMeansOption(groups: readonly LocaleMeansGroup[], options: LocaleMeansOptions): ChartOption {
  const { lang, references, selected } = options;
  const byLocale = new Map(groups.map((group) => [group.locale, group]));
  const cells = smallMultipleLayout(references.length, options.columns ?? 4, options.height);
  const categories = LOCALES.map((locale) => localeLabel(locale, lang));
  const thresholdName = translate(lang, 'chart.ur.threshold');
  const meanName = translate(lang, 'chart.ur.countyMean');

  const barSeries = references.map((reference, index) => {
    const values = LOCALES.map((locale) => classMean(byLocale.get(locale), reference.key));
    const lines: { name: string; yAxis: number; lineStyle: object }[] = [
      {
        name: 'threshold',
        yAxis: reference.threshold,
        lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      },
    ];
    if (reference.mean !== null) {
      lines.push({
        name: 'mean',
        yAxis: reference.mean,
        lineStyle: { color: CHART_COLORS.mean, type: 'solid', width: 1.5 },
      });
    }
    return {
      type: 'bar' as const,
      name: indicatorShortName(reference.key, lang),
      xAxisIndex: index,
      yAxisIndex: index,
      barMaxWidth: 28,
      data: LOCALES.map((locale, localeIndex) => ({
        value: values[localeIndex] ?? null,
        itemStyle: {
          color: localeMeanColor(values[localeIndex], reference.threshold),
          opacity: isLocaleEmphasised(locale, selected) ? 1 : FADED_OPACITY,
        },
      })),
      label: {
        show: true,
        position: 'top' as const,
        fontSize: 10,
        color: CHART_COLORS.text,
        // A white halo: the mean or threshold line often runs right through a bar's label.
        textBorderColor: '#ffffff',
        textBorderWidth: 2,
        formatter: (params: { value?: unknown }) =>
          typeof params.value === 'number' ? formatIndicator(reference.key, params.value) : '',
      },
      markLine: { symbol: 'none', silent: true, label: { show: false }, data: lines },
    };
  });

  return {
    textStyle: { fontFamily: CHART_FONT },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 8,
      textStyle: { fontSize: 12 },
      selectedMode: false,
      data: [thresholdName, meanName],
    },
    title: references.map((reference, index) => ({
      text: `${indicatorShortName(reference.key, lang)}${inParens(indicatorUnit(reference.key, lang), lang)}`,
      left: cells[index]?.titleLeft,
      top: cells[index]?.titleTop,
      textStyle: { fontSize: 12, fontWeight: 600, color: CHART_COLORS.text },
    })),
    grid: cells.map((cell) => ({
      left: cell.left,
      top: cell.top,
      width: cell.width,
      height: cell.height,
      containLabel: true,
    })),
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params: unknown) => {
        const { seriesIndex, dataIndex } = (params ?? {}) as ItemParams;
        const reference = seriesIndex === undefined ? undefined : references[seriesIndex];
        const locale = dataIndex === undefined ? undefined : LOCALES[dataIndex];
        return reference && locale ? formatLocaleMeanTooltip(byLocale.get(locale), locale, reference, lang) : '';
      },
    },
    xAxis: references.map((_reference, index) => ({
      type: 'category' as const,
      gridIndex: index,
      data: categories,
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: {
        fontSize: 11,
        interval: 0,
        color: CHART_COLORS.text,
        formatter: (text: string, labelIndex: number) => {
          const locale = LOCALES[labelIndex];
          return locale && selected.includes(locale) ? `{sel|${text}}` : text;
        },
        rich: { sel: { fontWeight: 'bold', color: CHART_COLORS.mean, fontSize: 11 } },
      },
    })),
    yAxis: references.map((reference, index) => {
      const values = LOCALES.map((locale) => classMean(byLocale.get(locale), reference.key));
      const axis = niceAxis([...values, reference.threshold, reference.mean], 3);
      return {
        type: 'value' as const,
        gridIndex: index,
        min: 0,
        max: axis.max,
        interval: axis.interval,
        axisLabel: { fontSize: 10, color: CHART_COLORS.axis },
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      };
    }),
    series: [
      ...barSeries,
      // Legend keys for the two reference lines (the lines themselves are markLines of every multiple).
      {
        type: 'line',
        name: thresholdName,
        data: [],
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbol: 'none',
        lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
        itemStyle: { color: CHART_COLORS.threshold },
      },
      {
        type: 'line',
        name: meanName,
        data: [],
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbol: 'none',
        lineStyle: { color: CHART_COLORS.mean, width: 1.5 },
        itemStyle: { color: CHART_COLORS.mean },
      },
    ],
  };
}
