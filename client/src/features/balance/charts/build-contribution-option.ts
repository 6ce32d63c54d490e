import type { CvContribution, IndicatorKey } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';

/** The fields of a school's CV contribution the chart reads. */
export type ContributionRow = Pick<
  CvContribution,
  'id' | 'label' | 'students' | 'value' | 'contribution' | 'share' | 'cumulativeShare' | 'rank'
>;

export interface ContributionOptions {
  lang: Lang;
  indicator: IndicatorKey;
  /** How many schools the chart shows (the largest contributions); the table shows all. */
  top?: number;
}

export const CONTRIBUTION_TOP = 10;

/** Student-weighted mean X̄ = ΣPᵢXᵢ / ΣPᵢ of the schools listed (every counted school is listed). */
export function contributionMean(rows: readonly Pick<ContributionRow, 'students' | 'value'>[]): number | null {
  const weight = rows.reduce((sum, row) => sum + row.students, 0);
  if (!(weight > 0)) return null;
  return rows.reduce((sum, row) => sum + row.students * row.value, 0) / weight;
}

/** Above the mean (pulls the CV up from above) or below it (from below): two hues, named in legend and tooltip. */
export const CONTRIBUTION_COLORS = { above: CHART_COLORS.mean, below: CHART_COLORS.near } as const;

/**
 * "Which schools pull this CV up": the share of CV² each school causes, cᵢ / CV² with cᵢ = (Pᵢ/P)(Xᵢ − X̄)² / X̄²
 * (METHOD.md §7), for the largest `top` contributions, largest at the top. Bars are coloured by whether the school lies
 * above or below the weighted mean; the label is the share in percent.
 */
export function buildContributionOption(rows: readonly ContributionRow[], options: ContributionOptions): ChartOption {
  const { lang, indicator, top = CONTRIBUTION_TOP } = options;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(lang, key, vars);
  const mean = contributionMean(rows);
  const shown = [...rows].sort((a, b) => a.rank - b.rank).slice(0, top);
  const side = (row: ContributionRow) => (mean !== null && row.value < mean ? 'below' : 'above');
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      right: 0,
      data: [t('insight.contribution.above'), t('insight.contribution.below')],
      textStyle: { color: CHART_COLORS.text, fontSize: 12 },
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = shown[tooltipDataIndex(params)];
        return row ? formatContributionTooltip(row, { lang, indicator, mean }) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      axisLabel: { color: CHART_COLORS.axis, formatter: (value: number) => formatPercent(value, 0) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((row) => row.label),
      axisLabel: { color: CHART_COLORS.text, width: 150, overflow: 'truncate' },
      axisTick: { show: false },
    },
    // One series per side, stacked, so the legend names the colours; each row has its value in exactly one.
    series: (['above', 'below'] as const).map((which) => ({
      type: 'bar' as const,
      name: t(`insight.contribution.${which}`),
      stack: 'share',
      barMaxWidth: 18,
      itemStyle: { color: CONTRIBUTION_COLORS[which] },
      data: shown.map((row) => (side(row) === which ? (row.share ?? 0) : null)),
      label: {
        show: true,
        position: 'right' as const,
        color: CHART_COLORS.text,
        fontSize: 12,
        formatter: (params: { value: unknown }) =>
          typeof params.value === 'number' ? formatPercent(params.value) : '',
      },
    })),
  };
}

export function formatContributionTooltip(
  row: ContributionRow,
  options: { lang: Lang; indicator: IndicatorKey; mean: number | null },
): string {
  const { lang, indicator, mean } = options;
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return [
    tooltipTitle(`${row.rank}. ${row.label}`),
    tooltipRow(t('insight.contribution.value'), formatIndicator(indicator, row.value, { unit: true, lang })),
    tooltipRow(t('insight.contribution.mean'), formatIndicator(indicator, mean, { unit: true, lang })),
    tooltipRow(t('table.students'), formatInteger(row.students)),
    tooltipRow(t('insight.contribution.share'), formatPercent(row.share)),
    tooltipRow(t('insight.contribution.cumulative'), formatPercent(row.cumulativeShare)),
  ].join('');
}

/** How many of the largest contributions it takes to reach half of CV² (null when shares are not computable). */
export function schoolsForHalf(rows: readonly Pick<ContributionRow, 'rank' | 'cumulativeShare'>[]): number | null {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const index = sorted.findIndex((row) => row.cumulativeShare !== null && row.cumulativeShare >= 0.5);
  return index === -1 ? null : index + 1;
}
