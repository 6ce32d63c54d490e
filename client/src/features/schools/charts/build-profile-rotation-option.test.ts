import { describe, expect, it } from 'vitest';
import { axis, seriesAt, seriesList, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildProfileRotationOption, ROTATION_COLORS, wholeTeacherAxis } from './build-profile-rotation-option.ts';

const rows = [
  { year: 2025, eligible: 54, out: 8, in: 1, backboneOut: 3, backboneIn: 0 },
  { year: 2024, eligible: 56, out: 11, in: 1, backboneOut: 2, backboneIn: 1 },
];

describe(buildProfileRotationOption.name, () => {
  it('should stack backbone and other teachers, out and in, oldest year first', () => {
    const option = buildProfileRotationOption(rows, { lang: 'zh', selectedYear: 2025 });
    expect(axis(option, 'xAxis').data).toEqual(['2024', '2025']);
    const series = seriesList(option);
    expect(series.map((s) => [s.stack, s.data])).toEqual([
      ['out', [2, 3]],
      ['out', [9, 5]],
      ['in', [1, 0]],
      ['in', [0, 1]],
    ]);
    expect((seriesAt(option, 0).itemStyle as { color: string }).color).toBe(ROTATION_COLORS.outBackbone);
  });

  it('should give out, in and net per year in the tooltip', () => {
    const text = tooltipText(buildProfileRotationOption(rows, { lang: 'zh' }), 1);
    expect(text).toContain('2025 年');
    expect(text).toContain('8 人（骨干 3 人）');
    expect(text).toContain('净流入：<b>-7</b>');
  });

  it('should keep teacher counts on whole ticks, also for no rotations', () => {
    expect(wholeTeacherAxis([13, 3])).toEqual({ max: 15, interval: 5 });
    expect(wholeTeacherAxis([1])).toEqual({ max: 2, interval: 1 });
    expect(wholeTeacherAxis([])).toEqual({ max: 1, interval: 1 });
  });
});
