import { WhatIfRequestSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  buildWhatIfRequest,
  changeDraftType,
  type DraftChange,
  decodeScenario,
  draftProblems,
  emptyDraft,
  encodeScenario,
} from './what-if-scenario.ts';

const scenario: DraftChange[] = [
  {
    type: 'move_teachers',
    from: '2133990101',
    to: '2133990138',
    count: 3,
    flags: { backbone: true, higherDegree: false, peArt: true },
  },
  {
    type: 'add_teachers',
    school: '2133990138',
    count: 2,
    flags: { backbone: false, higherDegree: true, peArt: false },
  },
  { type: 'add_resource', school: '2133990175', resource: 'sportsArea', amount: 1200.5 },
  { type: 'add_students', school: '2133990101', count: -40 },
];

describe(encodeScenario.name, () => {
  it('should round-trip every change type through the URL value', () => {
    const sut = encodeScenario(scenario);
    expect(sut).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(sut)).toEqual(scenario);
  });

  it('should keep incomplete rows so a half-built scenario survives a reload', () => {
    const rows = [emptyDraft('add_resource'), emptyDraft('move_teachers')];
    expect(decodeScenario(encodeScenario(rows))).toEqual(rows);
  });

  it('should give an empty value for no rows', () => {
    expect(encodeScenario([])).toBe('');
  });

  it('should be compact: four changes in well under 200 characters', () => {
    expect(encodeScenario(scenario).length).toBeLessThan(200);
  });
});

describe(decodeScenario.name, () => {
  it('should give no rows for a missing or broken value', () => {
    expect(decodeScenario(null)).toEqual([]);
    expect(decodeScenario('')).toEqual([]);
    expect(decodeScenario('%%%')).toEqual([]);
    expect(decodeScenario(btoa('{"not":"a list"}'))).toEqual([]);
  });

  it('should drop rows that do not parse and keep the others', () => {
    const value = btoa(JSON.stringify([['x', 1], ['r', '2133990101', 'gold', 5], ['s', '2133990101', 10], 'junk']));
    expect(decodeScenario(value)).toEqual([{ type: 'add_students', school: '2133990101', count: 10 }]);
  });

  it('should refuse school codes with unexpected characters', () => {
    const value = btoa(JSON.stringify([['s', '<script>', 10]]));
    expect(decodeScenario(value)).toEqual([]);
  });
});

describe(draftProblems.name, () => {
  it('should name what is missing in each row type', () => {
    expect(draftProblems(emptyDraft('move_teachers'))).toEqual(['from', 'to']);
    expect(draftProblems(emptyDraft('add_resource'))).toEqual(['school', 'amount']);
    expect(draftProblems(emptyDraft('add_students'))).toEqual(['school', 'count']);
    expect(
      draftProblems({ type: 'move_teachers', from: 'a1', to: 'a1', count: 1.5, flags: emptyDraftFlags() }),
    ).toEqual(['sameSchool', 'count']);
  });

  it('should accept complete rows, including a negative student count', () => {
    for (const draft of scenario) expect(draftProblems(draft)).toEqual([]);
  });
});

function emptyDraftFlags() {
  return { backbone: false, higherDegree: false, peArt: false };
}

describe(buildWhatIfRequest.name, () => {
  it('should build a body the server schema accepts, teachers and students in the stage on screen', () => {
    const sut = buildWhatIfRequest(scenario, { stage: 'primary', includePrivate: true });
    expect(WhatIfRequestSchema.parse(sut)).toEqual(sut);
    expect(sut?.stage).toBe('primary');
    expect(sut?.changes[0]).toEqual({
      type: 'move_teachers',
      from: '2133990101',
      to: '2133990138',
      count: 3,
      fromStage: 'primary',
      toStage: 'primary',
      backbone: true,
      peArt: true,
    });
    expect(sut?.changes[3]).toEqual({ type: 'add_students', school: '2133990101', stage: 'primary', count: -40 });
    expect(sut).not.toHaveProperty('includePrivate');
  });

  it('should send includePrivate only when private schools are left out', () => {
    expect(buildWhatIfRequest(scenario, { stage: 'junior', includePrivate: false })?.includePrivate).toBe(false);
  });

  it('should give null for no rows or an incomplete row', () => {
    expect(buildWhatIfRequest([], { stage: 'primary', includePrivate: true })).toBeNull();
    expect(
      buildWhatIfRequest([...scenario, emptyDraft('add_teachers')], { stage: 'primary', includePrivate: true }),
    ).toBeNull();
  });
});

describe(changeDraftType.name, () => {
  it('should keep the school when the type changes', () => {
    const sut = changeDraftType({ type: 'add_students', school: '2133990101', count: 5 }, 'move_teachers');
    expect(sut).toEqual(expect.objectContaining({ type: 'move_teachers', from: '', to: '2133990101' }));
    expect(changeDraftType(sut, 'add_resource')).toEqual(
      expect.objectContaining({ type: 'add_resource', school: '2133990101' }),
    );
  });
});
