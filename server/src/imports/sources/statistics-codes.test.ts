import { describe, expect, it } from 'vitest';
import { readStatisticsSchoolType, readUrbanRuralCode } from './statistics-codes.ts';

describe(readStatisticsSchoolType.name, () => {
  it('should read the code, the name or both', () => {
    expect(readStatisticsSchoolType('312')).toMatchObject({ ok: true, type: 'nine_year' });
    expect(readStatisticsSchoolType('九年一贯制学校')).toMatchObject({ ok: true, type: 'nine_year', code: '312' });
    expect(readStatisticsSchoolType('218 小学教学点')).toMatchObject({ ok: true, type: 'teaching_point' });
    expect(readStatisticsSchoolType('完全中学(341)')).toMatchObject({ ok: true, type: 'complete_middle' });
    expect(readStatisticsSchoolType('513')).toMatchObject({ ok: true, type: 'special' });
  });

  it('should leave out senior high schools and attached classes with a reason', () => {
    expect(readStatisticsSchoolType('342')).toMatchObject({ ok: false, leftOut: true, zh: '高级中学' });
    expect(readStatisticsSchoolType('附设小学班')).toMatchObject({ ok: false, leftOut: true, code: '219' });
  });

  it('should refuse an unknown type', () => {
    expect(readStatisticsSchoolType('999')).toMatchObject({ ok: false, leftOut: false });
    expect(readStatisticsSchoolType('幼儿园')).toMatchObject({ ok: false, leftOut: false });
  });
});

describe(readUrbanRuralCode.name, () => {
  it('should keep current codes without a warning', () => {
    expect(readUrbanRuralCode('122')).toEqual({ ok: true, code: '122', warning: null });
  });

  it('should map the legacy 1/2/3 codes with a warning', () => {
    expect(readUrbanRuralCode('1')).toMatchObject({ ok: true, code: '111' });
    expect(readUrbanRuralCode('2县镇')).toMatchObject({ ok: true, code: '121' });
    const rural = readUrbanRuralCode('农村');
    expect(rural).toMatchObject({ ok: true, code: '210' });
    expect(rural.ok && rural.warning).toContain('旧城乡分类');
  });

  it('should refuse anything else', () => {
    expect(readUrbanRuralCode('130').ok).toBe(false);
  });
});
