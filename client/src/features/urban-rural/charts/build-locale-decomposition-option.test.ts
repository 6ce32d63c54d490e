import type { DecompositionRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { axis, callLabel, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildLocaleDecompositionOption, decompositionHeadline } from './build-locale-decomposition-option.ts';

const rows: DecompositionRow[] = [
  {
    key: 'sports_area_per_student',
    cv: 0.5647,
    within: 0.0484,
    between: 0.27,
    withinShare: 0.152,
    betweenShare: 0.848,
  },
  { key: 'multimedia_rooms_per100', cv: null, within: null, between: null, withinShare: null, betweenShare: null },
];

describe(buildLocaleDecompositionOption.name, () => {
  it('should stack the between and within shares to 100%', () => {
    const option = buildLocaleDecompositionOption(rows, { lang: 'zh', cvLimit: 0.5 });
    expect(seriesAt(option, 0)).toEqual(expect.objectContaining({ stack: 'share', data: [84.8, null] }));
    expect(seriesAt(option, 1).data).toEqual([15.2, null]);
    expect(axis(option, 'xAxis')).toEqual(expect.objectContaining({ min: 0, max: 100 }));
  });

  it('should mark a CV over the limit in red and the selected indicator in bold', () => {
    const option = buildLocaleDecompositionOption(rows, {
      lang: 'zh',
      cvLimit: 0.5,
      selectedIndicator: 'sports_area_per_student',
    });
    expect(axis(option, 'yAxis').data).toEqual(['{sel|体育场馆} {over|CV 0.565}', '多媒体教室 {cv|CV —}']);
  });

  it('should hide share labels too narrow to read', () => {
    const label = seriesAt(buildLocaleDecompositionOption(rows, { lang: 'zh', cvLimit: 0.5 }), 0).label as {
      formatter: unknown;
    };
    expect(callLabel(label.formatter, { value: 84.8 })).toBe('84.8%');
    expect(callLabel(label.formatter, { value: 3.6 })).toBe('');
  });

  it('should give CV² and both parts in the tooltip', () => {
    const text = tooltipText(buildLocaleDecompositionOption(rows, { lang: 'zh', cvLimit: 0.5 }), 0);
    expect(text).toContain('0.565');
    expect(text).toContain('0.31889');
    expect(text).toContain('0.27000（84.8%）');
    expect(text).toContain('0.04840（15.2%）');
  });
});

describe(decompositionHeadline.name, () => {
  it('should say how much of the disparity is the urban–rural gap', () => {
    expect(decompositionHeadline(rows[0], 'zh')).toBe(
      '生均体育运动场馆面积：差异系数 0.565，其中 84.8% 来自城乡之间（城区、镇区、乡村平均值之差）。',
    );
    expect(decompositionHeadline(rows[0], 'en')).toContain('84.8% is the gap');
  });

  it('should say nothing when the CV cannot be split', () => {
    expect(decompositionHeadline(rows[1], 'zh')).toBeNull();
    expect(decompositionHeadline(undefined, 'zh')).toBeNull();
  });
});
