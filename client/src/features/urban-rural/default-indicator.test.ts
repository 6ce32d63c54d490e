import { describe, expect, it } from 'vitest';
import { defaultUrbanRuralIndicator } from './default-indicator.ts';

describe(defaultUrbanRuralIndicator.name, () => {
  const rows = [
    { key: 'backbone_teachers_per100' as const, between: 0.01 },
    { key: 'sports_area_per_student' as const, between: 0.11 },
    { key: 'multimedia_rooms_per100' as const, between: null },
  ];

  it('should keep a quality indicator from the URL', () => {
    expect(defaultUrbanRuralIndicator('multimedia_rooms_per100', rows)).toBe('multimedia_rooms_per100');
  });

  it('should pick the largest between-class part otherwise (also for a 2012-only key in the URL)', () => {
    expect(defaultUrbanRuralIndicator(null, rows)).toBe('sports_area_per_student');
    expect(defaultUrbanRuralIndicator('books_per_student', rows)).toBe('sports_area_per_student');
  });

  it('should fall back to the first indicator without data', () => {
    expect(defaultUrbanRuralIndicator(null, [])).toBe('higher_degree_teachers_per100');
    expect(defaultUrbanRuralIndicator(null, undefined)).toBe('higher_degree_teachers_per100');
  });
});
