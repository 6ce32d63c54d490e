import { describe, expect, it } from 'vitest';
import { defaultTrendIndicator } from './balance-page.tsx';

describe(defaultTrendIndicator.name, () => {
  it('should prefer the URL, then the largest CV, then the first indicator', () => {
    const indicators = [
      { key: 'backbone_teachers_per100' as const, cv: 0.3 },
      { key: 'sports_area_per_student' as const, cv: 0.36 },
      { key: 'multimedia_rooms_per100' as const, cv: null },
    ];
    expect(defaultTrendIndicator('books_per_student', indicators)).toBe('books_per_student');
    expect(defaultTrendIndicator(null, indicators)).toBe('sports_area_per_student');
    expect(defaultTrendIndicator(null, [])).toBe('higher_degree_teachers_per100');
  });

  it('should wait (null) while the CVs are loading', () => {
    expect(defaultTrendIndicator(null, undefined)).toBeNull();
  });
});
