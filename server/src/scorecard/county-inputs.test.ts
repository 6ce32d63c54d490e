import { COUNTY_INPUT_ITEMS } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import { buildCountyInputRows, parseCountyInputsUpdate, readCountyInputs } from './county-inputs.ts';

const at = (iso: string) => new Date(iso);

describe(readCountyInputs.name, () => {
  it('should list every item, with booleans read back from 1 / 0 and statuses evaluated', () => {
    const sut = readCountyInputs([
      { item_key: 'layout_planning', value: 1, note: null, updated_at: at('2025-03-01T08:00:00Z') },
      { item_key: 'training_hours_360', value: 0, note: '尚未完成', updated_at: at('2025-03-02T08:00:00Z') },
      { item_key: 'consolidation_rate', value: 0.97, note: null, updated_at: at('2025-03-01T09:00:00Z') },
      { item_key: 'social_recognition', value: null, note: '调查进行中', updated_at: at('2025-03-01T07:00:00Z') },
    ]);
    expect(sut.entries).toHaveLength(COUNTY_INPUT_ITEMS.length);
    expect(sut.inputs).toEqual({
      layout_planning: true,
      training_hours_360: false,
      consolidation_rate: 0.97,
      social_recognition: null,
    });
    const entry = (key: string) => sut.entries.find((e) => e.key === key);
    expect(entry('layout_planning')).toMatchObject({ value: true, status: 'pass' });
    expect(entry('training_hours_360')).toMatchObject({ value: false, status: 'fail', note: '尚未完成' });
    expect(entry('consolidation_rate')).toMatchObject({ value: 0.97, status: 'pass' });
    expect(entry('social_recognition')).toMatchObject({ value: null, status: 'not_entered', note: '调查进行中' });
    expect(entry('curriculum_complete')).toMatchObject({ value: null, note: null, updatedAt: null });
    expect(sut.updatedAt).toBe('2025-03-02T08:00:00.000Z');
  });

  it('should say who saved each item and when, and give the scorecard the same by key', () => {
    const sut = readCountyInputs([
      {
        item_key: 'consolidation_rate',
        value: 0.97,
        note: '统计公报',
        updated_at: at('2025-03-01T09:00:00Z'),
        updated_by_name: 'zhang',
      },
      {
        item_key: 'layout_planning',
        value: 1,
        note: null,
        updated_at: at('2025-03-01T08:00:00Z'),
        updated_by_name: null,
      },
    ]);
    expect(sut.entries.find((e) => e.key === 'consolidation_rate')).toMatchObject({
      updatedBy: 'zhang',
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    expect(sut.entries.find((e) => e.key === 'layout_planning')?.updatedBy).toBeNull();
    expect(sut.entries.find((e) => e.key === 'social_recognition')).toMatchObject({ updatedBy: null, updatedAt: null });
    expect(sut.meta).toEqual({
      consolidation_rate: { note: '统计公报', updatedAt: '2025-03-01T09:00:00.000Z', updatedBy: 'zhang' },
      layout_planning: { note: null, updatedAt: '2025-03-01T08:00:00.000Z', updatedBy: null },
    });
  });

  it('should ignore stored keys the product does not know and say nothing was saved when empty', () => {
    expect(
      readCountyInputs([{ item_key: 'retired_item', value: 1, note: null, updated_at: at('2025-01-01') }]).inputs,
    ).toEqual({});
    expect(readCountyInputs([]).updatedAt).toBeNull();
  });
});

describe(buildCountyInputRows.name, () => {
  it('should store booleans as 1 / 0, keep explicit nulls and notes, and skip absent items', () => {
    const sut = buildCountyInputRows(
      { layout_planning: true, training_hours_360: false, consolidation_rate: 0.96, social_recognition: null },
      { curriculum_complete: '  待督导复核 ', consolidation_rate: '' },
    );
    expect(sut).toEqual([
      { key: 'layout_planning', value: 1, note: null },
      { key: 'training_hours_360', value: 0, note: null },
      { key: 'consolidation_rate', value: 0.96, note: null },
      { key: 'curriculum_complete', value: null, note: '待督导复核' },
      { key: 'social_recognition', value: null, note: null },
    ]);
  });
});

describe(parseCountyInputsUpdate.name, () => {
  const fieldsOf = (body: unknown) => {
    try {
      parseCountyInputsUpdate(body);
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      const e = error as HttpError;
      expect(e.status).toBe(400);
      return (e.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    }
    throw new Error('expected a 400');
  };

  it('should accept the bare record and the form with notes', () => {
    expect(parseCountyInputsUpdate({ consolidation_rate: 0.95, layout_planning: true })).toEqual({
      inputs: { consolidation_rate: 0.95, layout_planning: true },
      notes: {},
    });
    expect(
      parseCountyInputsUpdate({ values: { social_recognition: 0.9 }, notes: { social_recognition: '第三方调查' } }),
    ).toEqual({ inputs: { social_recognition: 0.9 }, notes: { social_recognition: '第三方调查' } });
  });

  it('should name each bad field: unknown keys one by one, wrong kinds, ratios outside 0–1', () => {
    expect(fieldsOf({ bogus: 1, other: true, layout_planning: 0.5, consolidation_rate: 95 }).sort()).toEqual([
      'bogus',
      'consolidation_rate',
      'layout_planning',
      'other',
    ]);
    expect(fieldsOf({ values: { consolidation_rate: -0.1 }, extra: 1 }).sort()).toEqual([
      'extra',
      'values.consolidation_rate',
    ]);
    expect(fieldsOf([1, 2])).toEqual(['body']);
    expect(fieldsOf(undefined)).toEqual(['body']);
    expect(fieldsOf({ special_school_funding: '6000' })).toEqual(['special_school_funding']);
  });
});
