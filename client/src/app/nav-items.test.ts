import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, visibleNavItems } from './nav-items.ts';

describe(visibleNavItems.name, () => {
  const targets = (role: Parameters<typeof visibleNavItems>[1], counties = 2) =>
    visibleNavItems(NAV_ITEMS, role, counties).map((i) => i.to);

  it('should show 系统管理 to admins only', () => {
    expect(targets('admin')).toContain('/admin');
    expect(targets('analyst')).not.toContain('/admin');
    expect(targets('viewer')).not.toContain('/admin');
  });

  it('should keep every view everyone may use, in order', () => {
    expect(targets('viewer')).toEqual(NAV_ITEMS.filter((item) => !item.permission).map((item) => item.to));
    expect(targets('admin')).toEqual(NAV_ITEMS.map((item) => item.to));
  });

  it('should show 多县对比 only to a user who sees more than one county', () => {
    expect(targets('viewer', 2)).toContain('/counties');
    expect(targets('admin', 5)).toContain('/counties');
    expect(targets('admin', 1)).not.toContain('/counties');
    expect(targets('analyst', 0)).not.toContain('/counties');
  });

  it('should show no restricted item before the user is known', () => {
    expect(targets(undefined)).toEqual(targets('viewer'));
  });
});
