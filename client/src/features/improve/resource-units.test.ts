import { describe, expect, it } from 'vitest';
import { formatResourceAmount } from './resource-units.ts';

describe(formatResourceAmount.name, () => {
  it('should say 1 teacher and 1 room in English, and keep the Chinese measure words', () => {
    expect(formatResourceAmount(1, 'teachers', 'en')).toBe('1 teacher');
    expect(formatResourceAmount(3, 'teachers', 'en')).toBe('3 teachers');
    expect(formatResourceAmount(1, 'rooms', 'en')).toBe('1 room');
    expect(formatResourceAmount(1, 'teachers', 'zh')).toBe('1 人');
    expect(formatResourceAmount(1, 'rooms', 'zh')).toBe('1 间');
    expect(formatResourceAmount(12.5, 'square_metres', 'en')).toBe('12.5 m²');
  });
});
