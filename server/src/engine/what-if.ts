import type {
  QualityReport,
  RotationRow,
  SchoolRow,
  SchoolStatRow,
  Stage,
  WhatIfChange,
  WhatIfError,
  WhatIfResource,
  WhatIfResult,
} from '@junheng/shared';
import { QUALITY_INDICATOR_KEYS, STAGE_LABELS, STAGES } from '@junheng/shared';
import { computeQualityReport } from './quality.ts';
import { computeStageUnits, type StageUnitOptions } from './stage-parts.ts';
import {
  addToFields,
  attributeTeacherStage,
  listTeacherFields,
  offersStage,
  STUDENT_FIELDS,
  type TeacherFlags,
} from './stat-edits.ts';

/** One county-year: its schools, that year's statistics and rotations (rotations are carried through unchanged). */
export interface WhatIfDataset {
  schools: readonly SchoolRow[];
  stats: readonly SchoolStatRow[];
  rotations: readonly RotationRow[];
}

/** Resources counted in whole units (an addition of 2.5 rooms is refused). */
const WHOLE_RESOURCES: ReadonlySet<WhatIfResource> = new Set([
  'multimediaRooms',
  'computers',
  'books',
  'musicRooms',
  'artRooms',
]);

class ChangeRejected {
  constructor(
    readonly code: WhatIfError['code'],
    readonly message: string,
  ) {}
}

interface WorkingData {
  schools: ReadonlyMap<string, SchoolRow>;
  stats: Map<string, SchoolStatRow>;
}

function requireSchool(data: WorkingData, code: string): { school: SchoolRow; stat: SchoolStatRow } {
  const school = data.schools.get(code);
  if (!school) throw new ChangeRejected('UnknownSchool', `学校标识码 ${code} 不存在`);
  const stat = data.stats.get(code);
  if (!stat) throw new ChangeRejected('NoStatsForSchool', `${school.schoolName}（${code}）没有该年度统计数据`);
  return { school, stat };
}

function requireStage(school: SchoolRow, stage: Stage): void {
  if (!offersStage(school, stage)) {
    throw new ChangeRejected('StageNotOffered', `${school.schoolName} 没有${STAGE_LABELS[stage].zh}学段`);
  }
}

function requireTeachers(school: SchoolRow, stat: SchoolStatRow, stage: Stage, flags: TeacherFlags, count: number) {
  for (const field of listTeacherFields(stage, flags)) {
    if (stat[field] < count) {
      throw new ChangeRejected(
        'NotEnoughTeachers',
        `${school.schoolName} ${STAGE_LABELS[stage].zh}只有 ${stat[field]} 名符合条件的教师（${field}），不能调出 ${count} 名`,
      );
    }
  }
}

function flagsOf(change: TeacherFlags): TeacherFlags {
  return {
    backbone: change.backbone,
    higherDegree: change.higherDegree,
    peArt: change.peArt,
    seniorTitle: change.seniorTitle,
  };
}

/** Applies one change to the working statistics, or throws ChangeRejected (caught by applyWhatIfChanges). */
function applyChange(data: WorkingData, change: WhatIfChange): void {
  switch (change.type) {
    case 'move_teachers': {
      if (change.from === change.to) throw new ChangeRejected('SameSchool', '调出和调入学校相同');
      const from = requireSchool(data, change.from);
      const to = requireSchool(data, change.to);
      const fromStage = change.fromStage ?? attributeTeacherStage(from.school, from.stat);
      const toStage = change.toStage ?? attributeTeacherStage(to.school, to.stat);
      requireStage(from.school, fromStage);
      requireStage(to.school, toStage);
      const flags = flagsOf(change);
      requireTeachers(from.school, from.stat, fromStage, flags, change.count);
      data.stats.set(change.from, addToFields(from.stat, listTeacherFields(fromStage, flags), -change.count));
      data.stats.set(change.to, addToFields(to.stat, listTeacherFields(toStage, flags), change.count));
      return;
    }
    case 'add_teachers': {
      const { school, stat } = requireSchool(data, change.school);
      requireStage(school, change.stage);
      data.stats.set(change.school, addToFields(stat, listTeacherFields(change.stage, flagsOf(change)), change.count));
      return;
    }
    case 'add_resource': {
      const { stat } = requireSchool(data, change.school);
      if (WHOLE_RESOURCES.has(change.resource) && !Number.isInteger(change.amount)) {
        throw new ChangeRejected('FractionalCount', `${change.resource} 应为整数`);
      }
      data.stats.set(change.school, addToFields(stat, [change.resource], change.amount));
      return;
    }
    case 'add_students': {
      const { school, stat } = requireSchool(data, change.school);
      requireStage(school, change.stage);
      const field = STUDENT_FIELDS[change.stage];
      if (stat[field] + change.count < 0) {
        throw new ChangeRejected(
          'NegativeStudents',
          `${school.schoolName} 只有 ${stat[field]} 名学生，不能减少 ${-change.count} 名`,
        );
      }
      data.stats.set(change.school, addToFields(stat, [field], change.count));
      return;
    }
  }
}

/**
 * Applies changes in order to a copy of the dataset's statistics (the inputs are never mutated): move N teachers
 * (optionally backbone / higher-degree / PE-art / senior-title, which move those counts too) from A to B, hire
 * teachers, add ㎡ / 元 / rooms / computers / books, add or remove students. Each change is validated against the
 * state left by the earlier ones; a change that names an unknown school, a stage the school lacks, or moves more
 * teachers than exist is reported in `errors` (with its index) and not applied. Teachers go to and from the given
 * stage, by default the school's stage (its larger stage for nine- and twelve-year schools).
 */
export function applyWhatIfChanges(
  dataset: WhatIfDataset,
  changes: readonly WhatIfChange[],
): { dataset: WhatIfDataset; errors: WhatIfError[] } {
  const data: WorkingData = {
    schools: new Map(dataset.schools.map((school) => [school.schoolCode, school])),
    stats: new Map(dataset.stats.map((stat) => [stat.schoolCode, stat])),
  };
  const errors: WhatIfError[] = [];
  changes.forEach((change, index) => {
    try {
      applyChange(data, change);
    } catch (error) {
      if (!(error instanceof ChangeRejected)) throw error;
      errors.push({ index, code: error.code, message: error.message });
    }
  });
  return {
    dataset: {
      schools: dataset.schools,
      stats: dataset.stats.map((stat) => data.stats.get(stat.schoolCode) ?? stat),
      rotations: dataset.rotations,
    },
    errors,
  };
}

function computeReports(dataset: WhatIfDataset, options: StageUnitOptions): Record<Stage, QualityReport> {
  const units = computeStageUnits(dataset.schools, dataset.stats, options);
  return { primary: computeQualityReport(units, 'primary'), junior: computeQualityReport(units, 'junior') };
}

function compareCvs(before: Record<Stage, QualityReport>, after: Record<Stage, QualityReport> | null) {
  return STAGES.flatMap((stage) =>
    QUALITY_INDICATOR_KEYS.map((key) => {
      const old = before[stage].indicators.find((i) => i.key === key);
      const next = after?.[stage].indicators.find((i) => i.key === key);
      const cvBefore = old?.cv ?? null;
      const cvAfter = next?.cv ?? null;
      return {
        stage,
        key,
        before: cvBefore,
        after: cvAfter,
        delta: cvBefore === null || cvAfter === null ? null : cvAfter - cvBefore,
        passesBefore: old?.cvPasses ?? null,
        passesAfter: next?.cvPasses ?? null,
      };
    }),
  );
}

/**
 * The counted schools whose 资源配置 verdict or any indicator's met status differs between the two reports. A school
 * counted on one side only (its students moved to zero, or to the teaching-point threshold) is listed with nulls on
 * the other side.
 */
export function compareSchools(
  before: Record<Stage, QualityReport>,
  after: Record<Stage, QualityReport> | null,
): WhatIfResult['schoolChanges'] {
  if (!after) return [];
  return STAGES.flatMap((stage) => {
    const afterByCode = new Map(after[stage].schools.map((school) => [school.code, school]));
    const beforeByCode = new Map(before[stage].schools.map((school) => [school.code, school]));
    const codes = [...new Set([...beforeByCode.keys(), ...afterByCode.keys()])].sort();
    return codes.flatMap((code) => {
      const old = beforeByCode.get(code);
      const next = afterByCode.get(code);
      const nowMet = QUALITY_INDICATOR_KEYS.filter((key) => old?.met[key] !== true && next?.met[key] === true);
      const noLongerMet = QUALITY_INDICATOR_KEYS.filter((key) => old?.met[key] === true && next?.met[key] !== true);
      const passesBefore = old?.passes ?? null;
      const passesAfter = next?.passes ?? null;
      if (passesBefore === passesAfter && nowMet.length === 0 && noLongerMet.length === 0) return [];
      return [
        {
          stage,
          code,
          name: (next ?? old)?.name ?? code,
          passesBefore,
          passesAfter,
          metCountBefore: old?.metCount ?? null,
          metCountAfter: next?.metCount ?? null,
          nowMet,
          noLongerMet,
        },
      ];
    });
  });
}

/**
 * What-if for a county-year: the 资源配置 reports of both stages before and after the changes (applyWhatIfChanges),
 * every CV's change (delta = after − before, dimensionless) and each stage's verdict. Changes are all or nothing:
 * with any error, `valid` is false and `after` is null. With no changes, after equals before.
 */
export function computeWhatIf(
  dataset: WhatIfDataset,
  changes: readonly WhatIfChange[],
  options: StageUnitOptions = {},
): WhatIfResult {
  const before = computeReports(dataset, options);
  const applied = applyWhatIfChanges(dataset, changes);
  const valid = applied.errors.length === 0;
  const after = valid ? computeReports(applied.dataset, options) : null;
  return {
    valid,
    errors: applied.errors,
    before,
    after,
    cvChanges: compareCvs(before, after),
    verdicts: STAGES.map((stage) => ({
      stage,
      before: before[stage].verdict.passes,
      after: after ? after[stage].verdict.passes : null,
    })),
    schoolChanges: compareSchools(before, after),
  };
}

/** Below this a CV difference is rounding noise (doubles summed in another order), not a change. */
const CV_EPSILON = 1e-12;

/**
 * Whether a what-if changed a CV row: its verdict, whether it can be computed, or its value by more than rounding
 * noise. Nothing changed when the changes were rejected.
 */
export function isCvChanged(
  row: {
    passesBefore: boolean | null;
    passesAfter: boolean | null;
    before: number | null;
    after: number | null;
    delta: number | null;
  },
  valid: boolean,
): boolean {
  return (
    valid &&
    (row.passesBefore !== row.passesAfter ||
      (row.before === null) !== (row.after === null) ||
      (row.delta !== null && Math.abs(row.delta) > CV_EPSILON))
  );
}
