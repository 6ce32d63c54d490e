import { describe, expect, it } from 'vitest';
import { matchesSearch } from '../lib/text-search.ts';
import { deriveFilterOptions } from './filter-options.ts';

const school = (code: string, townshipCode: string, townshipName: string, extra = {}) => ({
  code,
  townshipCode,
  townshipName,
  locale: 'rural' as const,
  groupName: null,
  ...extra,
});

describe(deriveFilterOptions.name, () => {
  it('should list townships by code with their school count, counting a nine-year school once', () => {
    const sut = deriveFilterOptions([
      {
        schools: [
          school('A', '330999201', '白云乡'),
          school('B', '330999001', '城东街道', { locale: 'urban', groupName: '城东教育集团' }),
        ],
        excluded: [{ code: 'T', townshipCode: '330999201', locale: 'rural', groupName: null }],
      },
      { schools: [school('A', '330999201', '白云乡', { groupName: '白云学区' })], excluded: [] },
    ]);
    expect(sut.townships).toEqual([
      { code: '330999001', name: '城东街道', schools: 1 },
      { code: '330999201', name: '白云乡', schools: 2 },
    ]);
    expect(sut.locales).toEqual(['urban', 'rural']);
    expect(sut.groups).toEqual(['城东教育集团', '白云学区'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('should list a township known only from an excluded school under its code', () => {
    const sut = deriveFilterOptions([
      { schools: [], excluded: [{ code: 'T', townshipCode: '330999305', locale: null, groupName: null }] },
    ]);
    expect(sut.townships).toEqual([{ code: '330999305', name: '330999305', schools: 1 }]);
    expect(sut.locales).toEqual([]);
  });

  it('should give nothing for no report', () => {
    expect(deriveFilterOptions([])).toEqual({ townships: [], locales: [], groups: [] });
  });
});

describe(matchesSearch.name, () => {
  it('should match names and codes, full-width digits included', () => {
    expect(matchesSearch({ code: '330999201', name: '白云乡' }, '白云')).toBe(true);
    expect(matchesSearch({ code: '330999201', name: '白云乡' }, '２０１')).toBe(true);
    expect(matchesSearch({ code: '330999201', name: '白云乡' }, '龙泉')).toBe(false);
    expect(matchesSearch({ code: '1', name: 'Town' }, '  ')).toBe(true);
  });
});
