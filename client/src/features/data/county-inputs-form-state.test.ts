import { COUNTY_INPUT_ITEMS, COUNTY_INPUT_KEYS, CountyInputsUpdateSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/format.ts';
import { sortBatchesNewestFirst } from './api/import-history.ts';
import {
  entryToField,
  fieldPathToKey,
  fieldsToUpdate,
  fieldToValue,
  validationMessages,
} from './county-inputs-form-state.ts';

describe(entryToField.name, () => {
  it('should show ratios as percentages, booleans as yes/no and missing values as empty', () => {
    expect(entryToField({ kind: 'ratio', value: 0.953, note: '公报' })).toEqual({ value: '95.3', note: '公报' });
    expect(entryToField({ kind: 'ratio', value: 0.07, note: null })).toEqual({ value: '7', note: '' });
    expect(entryToField({ kind: 'boolean', value: false, note: null }).value).toBe('no');
    expect(entryToField({ kind: 'number', value: 6000, note: null }).value).toBe('6000');
    expect(entryToField({ kind: 'number', value: null, note: null }).value).toBe('');
  });
});

describe(fieldToValue.name, () => {
  it('should turn a percentage into a fraction without float noise', () => {
    expect(fieldToValue('ratio', '95')).toEqual({ ok: true, value: 0.95 });
    expect(fieldToValue('ratio', ' 7% ')).toEqual({ ok: true, value: 0.07 });
    expect(fieldToValue('ratio', '101')).toEqual({ ok: false, problem: 'percentRange' });
    expect(fieldToValue('ratio', 'abc')).toEqual({ ok: false, problem: 'notANumber' });
  });

  it('should read yes/no and leave empty fields not entered', () => {
    expect(fieldToValue('boolean', 'yes')).toEqual({ ok: true, value: true });
    expect(fieldToValue('boolean', 'no')).toEqual({ ok: true, value: false });
    expect(fieldToValue('boolean', '')).toEqual({ ok: true, value: null });
    expect(fieldToValue('number', '0.12')).toEqual({ ok: true, value: 0.12 });
  });
});

describe(fieldsToUpdate.name, () => {
  it('should build a body the server schema accepts, with entered values and non-empty notes only', () => {
    const sut = fieldsToUpdate(COUNTY_INPUT_ITEMS, {
      consolidation_rate: { value: '97.5', note: ' 统计公报 ' },
      layout_planning: { value: 'yes', note: '' },
      social_recognition: { value: '', note: '问卷未完成' },
    });
    expect(sut).toEqual({
      ok: true,
      body: {
        values: { consolidation_rate: 0.975, layout_planning: true },
        notes: { consolidation_rate: '统计公报', social_recognition: '问卷未完成' },
      },
    });
    if (sut.ok) expect(CountyInputsUpdateSchema.safeParse(sut.body).success).toBe(true);
  });

  it('should give the problems by key and no body', () => {
    expect(
      fieldsToUpdate(COUNTY_INPUT_ITEMS, {
        consolidation_rate: { value: '950', note: '' },
        special_school_funding: { value: 'x', note: '' },
      }),
    ).toEqual({ ok: false, problems: { consolidation_rate: 'percentRange', special_school_funding: 'notANumber' } });
  });
});

describe(validationMessages.name, () => {
  it('should put each 400 field message next to its item', () => {
    const details = {
      in: 'body',
      fields: [
        { field: 'values.layout_planning', message: '应为是/否' },
        { field: 'values.consolidation_rate', message: '比例应在0到1之间' },
        { field: 'values', message: '其他' },
      ],
    };
    expect(validationMessages(details, COUNTY_INPUT_KEYS)).toEqual({
      byKey: { layout_planning: '应为是/否', consolidation_rate: '比例应在0到1之间' },
      other: ['values: 其他'],
    });
    expect(validationMessages(undefined, COUNTY_INPUT_KEYS)).toEqual({ byKey: {}, other: [] });
    expect(fieldPathToKey('notes.social_recognition', COUNTY_INPUT_KEYS)).toBe('social_recognition');
  });
});

describe(sortBatchesNewestFirst.name, () => {
  it('should put the newest batch first', () => {
    const batch = (id: number, createdAt: string) => ({
      id,
      createdAt,
      source: 'api' as const,
      files: [],
      counts: {},
      warnings: 0,
      scoped: false,
    });
    const sut = sortBatchesNewestFirst([
      batch(1, '2025-01-01T00:00:00Z'),
      batch(3, '2025-03-01T00:00:00Z'),
      batch(2, '2025-02-01T00:00:00Z'),
    ]);
    expect(sut.map((b) => b.id)).toEqual([3, 2, 1]);
  });
});

describe(formatDateTime.name, () => {
  it('should give local date and minutes, or a dash', () => {
    expect(formatDateTime(new Date(2026, 10, 24, 16, 5).toISOString())).toBe('2026-11-24 16:05');
    expect(formatDateTime(null)).toBe('—');
  });
});
