import { describe, expect, it } from 'vitest';
import {
  EMPTY_USER_FORM,
  pickBilingual,
  serverFieldMessages,
  toCreateUserRequest,
  toScopeUpdate,
} from './user-form-state.ts';

describe(pickBilingual.name, () => {
  it('should pick the half of the language, or keep a one-language message', () => {
    expect(pickBilingual('用户名已存在 / User name taken', 'zh')).toBe('用户名已存在');
    expect(pickBilingual('用户名已存在 / User name taken', 'en')).toBe('User name taken');
    expect(pickBilingual('请输入用户名', 'en')).toBe('请输入用户名');
  });
});

describe(toCreateUserRequest.name, () => {
  it('should build the request of a viewer with sorted townships and no district', () => {
    const sut = toCreateUserRequest(
      { ...EMPTY_USER_FORM, username: 'qingshi', password: 'a-long-password', townships: ['330999102', '330999101'] },
      'zh',
    );
    expect(sut).toEqual({
      ok: true,
      body: {
        username: 'qingshi',
        password: 'a-long-password',
        role: 'viewer',
        districtCodes: null,
        townships: ['330999101', '330999102'],
      },
    });
  });

  it('should name each bad field once, in the language asked for', () => {
    const sut = toCreateUserRequest({ ...EMPTY_USER_FORM, username: 'x', password: 'short' }, 'en');
    expect(sut.ok).toBe(false);
    if (sut.ok) return;
    expect(Object.keys(sut.errors).sort()).toEqual(['password', 'townships', 'username']);
    expect(sut.errors.townships).toBe('a viewer needs townships');
  });

  it('should let an analyst see the whole county', () => {
    const sut = toCreateUserRequest(
      { ...EMPTY_USER_FORM, username: 'ana', password: 'a-long-password', role: 'analyst' },
      'zh',
    );
    expect(sut.ok && sut.body.townships).toBeNull();
  });
});

describe(toScopeUpdate.name, () => {
  const viewer = {
    role: 'viewer' as const,
    districtCodes: null,
    townships: [
      { code: '330999101', name: '青石镇' },
      { code: '330999102', name: '白沙镇' },
    ],
  };

  it('should send nothing when nothing changed, whatever the order of the townships', () => {
    expect(toScopeUpdate(viewer, { role: 'viewer', districtCodes: [], townships: ['330999102', '330999101'] })).toEqual(
      {
        ok: true,
        body: null,
      },
    );
  });

  it('should send only the changed fields', () => {
    expect(toScopeUpdate(viewer, { role: 'analyst', districtCodes: [], townships: [] })).toEqual({
      ok: true,
      body: { role: 'analyst', townships: null },
    });
    expect(toScopeUpdate(viewer, { role: 'viewer', districtCodes: ['330999'], townships: ['330999101'] })).toEqual({
      ok: true,
      body: { districtCodes: ['330999'], townships: ['330999101'] },
    });
  });

  it('should send a set of counties sorted, and nothing when only its order changed', () => {
    const cityAnalyst = { role: 'analyst' as const, districtCodes: ['330902', '330901'], townships: null };
    expect(toScopeUpdate(cityAnalyst, { role: 'analyst', districtCodes: ['330901', '330902'], townships: [] })).toEqual(
      { ok: true, body: null },
    );
    expect(
      toScopeUpdate(cityAnalyst, { role: 'analyst', districtCodes: ['330903', '330901', '330902'], townships: [] }),
    ).toEqual({ ok: true, body: { districtCodes: ['330901', '330902', '330903'] } });
    expect(toScopeUpdate(cityAnalyst, { role: 'analyst', districtCodes: [], townships: [] })).toEqual({
      ok: true,
      body: { districtCodes: null },
    });
  });

  it('should refuse a viewer without townships', () => {
    expect(toScopeUpdate(viewer, { role: 'viewer', districtCodes: [], townships: [] }).ok).toBe(false);
  });
});

describe(serverFieldMessages.name, () => {
  it('should read the fields of a 400 answer', () => {
    const details = { fields: [{ field: 'townships', message: '没有这些乡镇 / Unknown townships' }, { message: 'x' }] };
    expect(serverFieldMessages(details, 'en')).toEqual(['townships: Unknown townships', 'x']);
    expect(serverFieldMessages(undefined, 'zh')).toEqual([]);
  });
});
