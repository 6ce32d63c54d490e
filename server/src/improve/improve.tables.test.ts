import type { CvPlanOutcome } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { flattenPlans } from './improve.tables.ts';

const plan = (key: CvPlanOutcome['key'], codes: string[]): CvPlanOutcome => ({
  key,
  resourceUnit: 'teachers',
  cvBefore: 0.7,
  cvLimit: 0.5,
  floorLevel: 2,
  cvAfter: codes.length > 0 ? 0.45 : null,
  totalAddition: codes.length,
  additions: codes.map((code) => ({
    code,
    name: code,
    students: 100,
    valueBefore: 1,
    valueAfter: 2,
    amount: 1,
    assetShare: 1,
  })),
  schoolsMeetingBefore: 1,
  schoolsMeetingAfter: 1,
  achievable: codes.length > 0,
  schoolsPassingBefore: 1,
  schoolsPassingAfter: 1,
});

describe(flattenPlans.name, () => {
  it('should give one row per school a plan raises and one row for a plan that raises none', () => {
    const sut = flattenPlans([plan('backbone_teachers_per100', ['A', 'B']), plan('pe_art_teachers_per100', [])]);
    expect(sut.map((r) => [r.plan.key, r.addition?.code ?? null])).toEqual([
      ['backbone_teachers_per100', 'A'],
      ['backbone_teachers_per100', 'B'],
      ['pe_art_teachers_per100', null],
    ]);
  });
});
