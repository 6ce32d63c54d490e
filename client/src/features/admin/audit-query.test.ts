import { describe, expect, it } from 'vitest';
import {
  auditExportLinks,
  auditQueryInput,
  formatAuditDetails,
  nextAuditCursor,
  readAuditFilters,
} from './audit-query.ts';

describe(readAuditFilters.name, () => {
  it('should read a known action and the user, and drop an unknown action', () => {
    expect(readAuditFilters(new URLSearchParams('action=login&user=%20admin%20'))).toEqual({
      action: 'login',
      username: 'admin',
    });
    expect(readAuditFilters(new URLSearchParams('action=drop_table'))).toEqual({ action: null, username: '' });
  });
});

describe(auditQueryInput.name, () => {
  it('should leave out empty filters and the cursor of the first page', () => {
    expect(auditQueryInput({ action: null, username: '' }, null)).toEqual({
      action: undefined,
      username: undefined,
      limit: 100,
      before: undefined,
    });
    expect(auditQueryInput({ action: 'export', username: 'ana' }, 42, 10)).toEqual({
      action: 'export',
      username: 'ana',
      limit: 10,
      before: 42,
    });
  });
});

describe(nextAuditCursor.name, () => {
  it('should page from the smallest id of a full page', () => {
    expect(nextAuditCursor([{ id: 9 }, { id: 7 }, { id: 8 }], 3)).toBe(7);
  });

  it('should stop after a short page', () => {
    expect(nextAuditCursor([{ id: 9 }], 3)).toBeNull();
    expect(nextAuditCursor([], 3)).toBeNull();
  });
});

describe(auditExportLinks.name, () => {
  it('should download the filtered log as CSV and XLSX', () => {
    const sut = auditExportLinks({ action: 'login_failed', username: '' }, 'en');
    expect(sut.csv).toBe('/api/v1/admin/audit?action=login_failed&limit=10000&lang=en&format=csv');
    expect(sut.xlsx).toBe('/api/v1/admin/audit?action=login_failed&limit=10000&lang=en&format=xlsx');
  });
});

describe(formatAuditDetails.name, () => {
  it('should write one line of key=value pairs', () => {
    expect(formatAuditDetails({ format: 'csv', rows: 12, filters: { year: '2025' }, lang: null })).toBe(
      'format=csv · rows=12 · filters={"year":"2025"}',
    );
  });
});
