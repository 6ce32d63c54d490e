import { describe, expect, it } from 'vitest';
import { METHOD_COPY } from './method-copy.ts';

/** The conventions of issue #9 points 1, 9, 10, 11 and issue #15 point 6 are stated in both languages. */
describe('METHOD_COPY conventions', () => {
  it('should state the 2012 rows, the 0-student stages, the 2012 units, rounding and too-small selections (zh)', () => {
    const { cv, limits, exclusions } = METHOD_COPY.zh;
    expect(exclusions.basicRows).toContain('不列民办学校');
    expect(exclusions.basicRows).toContain('不列任何小学教学点（不论人数）');
    expect(exclusions.noStudents).toContain('在校生数为 0');
    expect(limits.basicUnits).toContain('师生比 0.054');
    expect(cv.notes.join('')).toContain('0.5004');
    expect(cv.notes.join('')).toContain('少于 2 所学校');
  });

  it('should state the same in English', () => {
    const { cv, limits, exclusions } = METHOD_COPY.en;
    expect(exclusions.basicRows).toContain('private schools are never listed');
    expect(exclusions.noStudents).toContain('0 students');
    expect(limits.basicUnits).toContain('0.054');
    expect(cv.notes.join('')).toContain('0.5004');
    expect(cv.notes.join('')).toContain('fewer than 2 schools');
  });
});
