import type { SchoolRow, SchoolStatField, SchoolStatRow, Stage } from '@junheng/shared';
import { SCHOOL_TYPE_STAGES } from '@junheng/shared';

/** Which kinds a moved or added group of teachers belongs to (each also counts as a teacher of the stage). */
export interface TeacherFlags {
  backbone?: boolean | undefined;
  higherDegree?: boolean | undefined;
  peArt?: boolean | undefined;
  seniorTitle?: boolean | undefined;
}

const TEACHER_FIELDS: Record<Stage, Record<'teachers' | keyof TeacherFlags, SchoolStatField>> = {
  primary: {
    teachers: 'teachersPrimary',
    backbone: 'backboneTeachersPrimary',
    higherDegree: 'higherDegreeTeachersPrimary',
    peArt: 'peArtTeachersPrimary',
    seniorTitle: 'seniorTitleTeachersPrimary',
  },
  junior: {
    teachers: 'teachersJunior',
    backbone: 'backboneTeachersJunior',
    higherDegree: 'higherDegreeTeachersJunior',
    peArt: 'peArtTeachersJunior',
    seniorTitle: 'seniorTitleTeachersJunior',
  },
};

export const STUDENT_FIELDS: Record<Stage, SchoolStatField> = {
  primary: 'studentsPrimary',
  junior: 'studentsJunior',
};

/** The statistics fields a group of teachers with these flags is counted in, for a stage. */
export function listTeacherFields(stage: Stage, flags: TeacherFlags): SchoolStatField[] {
  const fields = TEACHER_FIELDS[stage];
  const flagged = (['backbone', 'higherDegree', 'peArt', 'seniorTitle'] as const).filter((flag) => flags[flag]);
  return [fields.teachers, ...flagged.map((flag) => fields[flag])];
}

/**
 * The stage a teacher of this school is attributed to when the data does not say: the only compulsory stage the
 * school has students in, or for a school with both the stage with more students (primary on a tie); a school with
 * no compulsory students falls back to its type's first stage.
 */
export function attributeTeacherStage(school: SchoolRow, stat: SchoolStatRow): Stage {
  if (stat.studentsPrimary > 0 && stat.studentsJunior > 0) {
    return stat.studentsJunior > stat.studentsPrimary ? 'junior' : 'primary';
  }
  if (stat.studentsPrimary > 0) return 'primary';
  if (stat.studentsJunior > 0) return 'junior';
  return SCHOOL_TYPE_STAGES[school.schoolType][0] ?? 'primary';
}

/** Whether the school type has the stage (a what-if may not put students or teachers in a stage it lacks). */
export function offersStage(school: SchoolRow, stage: Stage): boolean {
  return SCHOOL_TYPE_STAGES[school.schoolType].includes(stage);
}

/** A copy of the row with `delta` added to each field (the row itself is never changed). */
export function addToFields(stat: SchoolStatRow, fields: readonly SchoolStatField[], delta: number): SchoolStatRow {
  const next = { ...stat };
  for (const field of fields) next[field] += delta;
  return next;
}
