import type { ClassSizeSchoolRow } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import { CHART_COLORS, CHART_FONT, TOOLTIP_BASE } from '../../../lib/chart-theme.ts';

/** Schools with classes of 56 or more, most 66+ first (the report's order), at most `limit` of them. */
export function selectSchoolsWithLargeClasses(rows: readonly ClassSizeSchoolRow[], limit = 30): ClassSizeSchoolRow[] {
  return rows.filter((row) => (row.largeClasses ?? 0) + (row.hugeClasses ?? 0) > 0).slice(0, limit);
}

/** Per school, its 56–65 and 66+ classes as stacked horizontal bars (66+ in red), the school with most at the top. */
export function buildClassSizeSchoolOption(rows: readonly ClassSizeSchoolRow[], lang: Lang): ChartOption {
  const shown = [...rows].reverse();
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 }, selectedMode: false },
    tooltip: { ...TOOLTIP_BASE, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      data: shown.map((row) => row.name),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text },
    },
    series: [
      {
        type: 'bar',
        name: translate(lang, 'classSize.large'),
        stack: 'classes',
        barMaxWidth: 18,
        itemStyle: { color: CHART_COLORS.near },
        data: shown.map((row) => row.largeClasses ?? 0),
      },
      {
        type: 'bar',
        name: translate(lang, 'classSize.huge'),
        stack: 'classes',
        barMaxWidth: 18,
        itemStyle: { color: CHART_COLORS.notMet },
        data: shown.map((row) => row.hugeClasses ?? 0),
      },
    ],
  };
}
