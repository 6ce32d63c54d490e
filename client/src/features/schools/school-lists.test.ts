import { describe, expect, it } from 'vitest';
import { balanceFixture } from '../../test-utils/fixtures.ts';
import { pickerRows, rankCandidates } from './school-lists.ts';

describe(pickerRows.name, () => {
  it('should list counted schools by name, then the excluded ones with their reason, filtered by the search', () => {
    const report = balanceFixture({
      excluded: [
        {
          code: 'X1',
          name: '下湾村教学点',
          townshipCode: '330999101',
          locale: 'rural',
          groupName: null,
          stage: 'primary',
          reason: 'teaching_point',
          reasonZh: '不足50名学生的教学点',
          students: 26,
        },
      ],
    });
    const rows = pickerRows(report, '');
    expect(rows.map((row) => row.code)).toEqual(['S1', 'S2', 'X1']);
    expect(rows[2]).toEqual(
      expect.objectContaining({ townshipName: '青石镇', excludedReason: '不足50名学生的教学点', metCount: null }),
    );
    expect(pickerRows(report, '', 'en')[2]?.excludedReason).toMatch(/Teaching point/i);
    expect(pickerRows(report, '乙').map((row) => row.code)).toEqual(['S2']);
    expect(pickerRows(report, '教学点').map((row) => row.code)).toEqual(['X1']);
    expect(pickerRows(undefined, '')).toEqual([]);
  });
});

describe(rankCandidates.name, () => {
  it('should offer the same township first, then the same class, never the school itself or one already chosen', () => {
    const profile = { school: { code: 'S', townshipCode: 'T1', locale: 'urban' } } as Parameters<
      typeof rankCandidates
    >[1];
    const schools = [
      { code: 'S', name: '本校', townshipCode: 'T1', locale: 'urban' },
      { code: 'R', name: '甲村小学', townshipCode: 'T9', locale: 'rural' },
      { code: 'U', name: '乙城小学', townshipCode: 'T2', locale: 'urban' },
      { code: 'N', name: '丙小学', townshipCode: 'T1', locale: 'urban' },
      { code: 'C', name: '已选小学', townshipCode: 'T1', locale: 'urban' },
    ];
    expect(rankCandidates(schools, profile, ['C'], '').map((s) => s.code)).toEqual(['N', 'U', 'R']);
    expect(rankCandidates(schools, profile, [], '村').map((s) => s.code)).toEqual(['R']);
  });
});
