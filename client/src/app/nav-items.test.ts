import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, visibleNavItems } from './nav-items.ts';

describe(visibleNavItems.name, () => {
  const targets = (role: Parameters<typeof visibleNavItems>[1]) => visibleNavItems(NAV_ITEMS, role).map((i) => i.to);

  it('should show 系统管理 to admins only', () => {
    expect(targets('admin')).toContain('/admin');
    expect(targets('analyst')).not.toContain('/admin');
    expect(targets('viewer')).not.toContain('/admin');
  });

  it('should keep every view everyone may use, in order', () => {
    expect(targets('viewer')).toEqual(NAV_ITEMS.filter((item) => !item.permission).map((item) => item.to));
    expect(targets('admin')).toEqual(NAV_ITEMS.map((item) => item.to));
  });

  it('should show no restricted item before the user is known', () => {
    expect(targets(undefined)).toEqual(targets('viewer'));
  });
});
