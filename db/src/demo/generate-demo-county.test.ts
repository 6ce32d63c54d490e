import type { Locale, QualityIndicatorKey, SchoolRow, SchoolStatRow, Stage } from '@junheng/shared';
import {
  localeOfUrbanRuralCode,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATORS,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
  ROTATION_MIN_BACKBONE_SHARE,
  ROTATION_MIN_RATIO,
  RotationRowSchema,
  SCHOOL_TYPES,
  SchoolRowSchema,
  SchoolStatRowSchema,
  TEACHER_SUBSET_FIELDS,
  TEACHING_POINT_MIN_STUDENTS,
} from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  DEMO_CITY,
  DEMO_DEFAULT_SEED,
  DEMO_DISTRICT,
  DEMO_YEARS,
  generateDemoCounty,
  generateDemoPeers,
} from './generate-demo-county.ts';

const demo = generateDemoCounty();
const schoolByCode = new Map(demo.schools.map((s) => [s.schoolCode, s]));
const school = (code: string): SchoolRow => {
  const row = schoolByCode.get(code);
  if (!row) throw new Error(`unknown school ${code}`);
  return row;
};
const localeOf = (code: string): Locale => localeOfUrbanRuralCode(school(code).urbanRuralCode);
const statsOf = (year: number): SchoolStatRow[] => demo.stats.filter((s) => s.year === year);

// --- small local re-implementation of the method, enough for sanity checks (single-stage schools only) ---------

const students = (s: SchoolStatRow, stage: Stage): number =>
  stage === 'primary' ? s.studentsPrimary : s.studentsJunior;

/** Indicator value of a single-stage school (no asset split needed). */
function indicator(s: SchoolStatRow, stage: Stage, key: QualityIndicatorKey): number {
  const p = students(s, stage);
  const pick = (primary: number, junior: number): number => (stage === 'primary' ? primary : junior);
  switch (key) {
    case 'higher_degree_teachers_per100':
      return (100 * pick(s.higherDegreeTeachersPrimary, s.higherDegreeTeachersJunior)) / p;
    case 'backbone_teachers_per100':
      return (100 * pick(s.backboneTeachersPrimary, s.backboneTeachersJunior)) / p;
    case 'pe_art_teachers_per100':
      return (100 * pick(s.peArtTeachersPrimary, s.peArtTeachersJunior)) / p;
    case 'teaching_room_area_per_student':
      return s.teachingRoomArea / p;
    case 'sports_area_per_student':
      return s.sportsArea / p;
    case 'equipment_value_per_student':
      return s.equipmentValue / p;
    case 'multimedia_rooms_per100':
      return (100 * s.multimediaRooms) / p;
  }
}

/** Single-stage schools of a stage that count in the CV: primary schools + teaching points with ≥ 50 students. */
function countedSingleStage(year: number, stage: Stage): SchoolStatRow[] {
  return statsOf(year).filter((s) => {
    const type = school(s.schoolCode).schoolType;
    if (stage === 'junior') return type === 'junior';
    return type === 'primary' || (type === 'teaching_point' && s.studentsPrimary >= TEACHING_POINT_MIN_STUDENTS);
  });
}

/** METHOD.md §4: X̄ = ΣPX/ΣP, S = sqrt(Σ(P/ΣP)(X−X̄)²), CV = S/X̄. */
function weightedCv(points: readonly { p: number; x: number }[]): number {
  const total = points.reduce((sum, { p }) => sum + p, 0);
  const mean = points.reduce((sum, { p, x }) => sum + p * x, 0) / total;
  const variance = points.reduce((sum, { p, x }) => sum + (p / total) * (x - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

function stageCv(year: number, stage: Stage, key: QualityIndicatorKey): number {
  return weightedCv(
    countedSingleStage(year, stage).map((s) => ({ p: students(s, stage), x: indicator(s, stage, key) })),
  );
}

/** Student-weighted mean of an indicator over one locale's counted single-stage schools. */
function localeMean(year: number, stage: Stage, locale: Locale, key: QualityIndicatorKey): number {
  const rows = countedSingleStage(year, stage).filter((s) => localeOf(s.schoolCode) === locale);
  const total = rows.reduce((sum, s) => sum + students(s, stage), 0);
  return rows.reduce((sum, s) => sum + students(s, stage) * indicator(s, stage, key), 0) / total;
}

function passesCompliance(s: SchoolStatRow, stage: Stage): boolean {
  const ratios = QUALITY_INDICATORS.map((def) => indicator(s, stage, def.key) / def.threshold[stage]);
  const missed = ratios.filter((r) => r < 1);
  const met = ratios.length - missed.length;
  return met === ratios.length || (met >= QUALITY_MIN_MET && missed.every((r) => r >= QUALITY_NEAR_MISS_RATIO));
}

function rotationRatio(year: number): { ratio: number; backboneShare: number } {
  const eligible = statsOf(year).reduce((sum, s) => sum + s.rotationEligibleTeachers, 0);
  const rows = demo.rotations.filter((r) => r.year === year);
  const rotated = new Set(rows.map((r) => r.teacherRef)).size;
  const backbone = new Set(rows.filter((r) => r.backbone).map((r) => r.teacherRef)).size;
  return { ratio: rotated / eligible, backboneShare: backbone / rotated };
}

// ---------------------------------------------------------------------------------------------------------------

describe('generateDemoCounty: rows and determinism', () => {
  it('produces rows that pass the shared zod schemas', () => {
    const bad = [
      ...demo.schools.filter((r) => !SchoolRowSchema.safeParse(r).success),
      ...demo.stats.filter((r) => !SchoolStatRowSchema.safeParse(r).success),
      ...demo.rotations.filter((r) => !RotationRowSchema.safeParse(r).success),
    ];
    expect(bad).toEqual([]);
  });

  it('is deterministic per seed', () => {
    expect(generateDemoCounty()).toEqual(demo);
    expect(generateDemoCounty({ seed: DEMO_DEFAULT_SEED })).toEqual(demo);
    const other = generateDemoCounty({ seed: 7 });
    expect(other.stats).not.toEqual(demo.stats);
    // The county's structure is fixed; only the numbers move with the seed.
    expect(other.schools.map((s) => s.schoolName)).toEqual(demo.schools.map((s) => s.schoolName));
  });

  it('has unique school codes, (school, year) pairs and teacher refs', () => {
    const codes = demo.schools.map((s) => s.schoolCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{10}$/.test(c))).toBe(true);
    const pairs = demo.stats.map((s) => `${s.schoolCode}/${s.year}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(demo.stats.length).toBe(demo.schools.length * DEMO_YEARS.length);
    const refs = demo.rotations.map((r) => `${r.year}/${r.teacherRef}`);
    expect(new Set(refs).size).toBe(refs.length);
    expect(demo.rotations.every((r) => /^T330999\d{4}$/.test(r.teacherRef))).toBe(true);
  });
});

describe('generateDemoCounty: county structure', () => {
  it('is one fictional county with about 12 townships whose codes match their kind', () => {
    expect(demo.district).toEqual({ code: DEMO_DISTRICT.code, name: DEMO_DISTRICT.name });
    expect(new Set(demo.schools.map((s) => s.districtCode))).toEqual(new Set([DEMO_DISTRICT.code]));
    const townships = new Set(demo.schools.map((s) => s.townshipCode));
    expect(townships.size).toBeGreaterThanOrEqual(11);
    expect(townships.size).toBeLessThanOrEqual(13);
    for (const s of demo.schools) {
      expect(s.townshipCode.startsWith(DEMO_DISTRICT.code)).toBe(true);
      const n = Number(s.townshipCode.slice(6));
      const allowed = n < 100 ? ['111', '112'] : n < 200 ? ['121', '122', '123', '220'] : ['210', '220'];
      expect(allowed, s.schoolName).toContain(s.urbanRuralCode);
      if (n < 100) expect(s.townshipName.endsWith('街道')).toBe(true);
      else expect(s.townshipName.endsWith(n < 200 ? '镇' : '乡')).toBe(true);
    }
    expect(demo.schools.length).toBeGreaterThanOrEqual(90);
    expect(demo.schools.length).toBeLessThanOrEqual(110);
  });

  it('covers every school type, private schools and both kinds of teaching point in every year', () => {
    const types = new Set(demo.schools.map((s) => s.schoolType));
    expect([...types].sort()).toEqual([...SCHOOL_TYPES].sort());
    expect(demo.schools.filter((s) => s.schoolType === 'special')).toHaveLength(1);
    expect(demo.schools.filter((s) => s.ownership === 'private').length).toBeGreaterThanOrEqual(3);
    expect(demo.schools.some((s) => s.groupName?.endsWith('教育集团'))).toBe(true);
    expect(new Set(demo.stats.map((s) => s.year))).toEqual(new Set(DEMO_YEARS));
    for (const year of DEMO_YEARS) {
      const points = statsOf(year).filter((s) => school(s.schoolCode).schoolType === 'teaching_point');
      expect(points.some((s) => s.studentsPrimary >= TEACHING_POINT_MIN_STUDENTS)).toBe(true);
      expect(points.some((s) => s.studentsPrimary < TEACHING_POINT_MIN_STUDENTS)).toBe(true);
      const seniorSchools = statsOf(year).filter((s) => s.studentsSenior > 0);
      expect(seniorSchools.some((s) => school(s.schoolCode).schoolType === 'complete_middle')).toBe(true);
    }
  });

  it('attaches every teaching point to a primary school of its township', () => {
    for (const s of demo.schools.filter((x) => x.schoolType === 'teaching_point')) {
      expect(s.parentSchoolCode).not.toBeNull();
      const parent = school(s.parentSchoolCode ?? '');
      expect(parent.schoolType).toBe('primary');
      expect(parent.townshipCode).toBe(s.townshipCode);
    }
    expect(demo.schools.filter((s) => s.schoolType !== 'teaching_point').every((s) => !s.parentSchoolCode)).toBe(true);
  });

  it('boards most rural and town junior and nine-year schools', () => {
    const rural = demo.schools.filter(
      (s) =>
        (s.schoolType === 'junior' || s.schoolType === 'nine_year') &&
        localeOfUrbanRuralCode(s.urbanRuralCode) !== 'urban',
    );
    expect(rural.filter((s) => s.boarding).length / rural.length).toBeGreaterThan(0.7);
  });
});

describe('generateDemoCounty: internal consistency', () => {
  const stagesOf = {
    primary: ['primary'],
    teaching_point: ['primary'],
    junior: ['junior'],
    nine_year: ['primary', 'junior'],
    twelve_year: ['primary', 'junior', 'senior'],
    complete_middle: ['junior', 'senior'],
    special: ['primary', 'junior'],
  } as const;

  it('has only the stages a school type has, and subsets within their totals', () => {
    for (const s of demo.stats) {
      const parts: readonly string[] = stagesOf[school(s.schoolCode).schoolType];
      const label = `${school(s.schoolCode).schoolName} ${s.year}`;
      expect(s.studentsPrimary > 0, label).toBe(parts.includes('primary'));
      expect(s.studentsJunior > 0, label).toBe(parts.includes('junior'));
      expect(s.studentsSenior > 0, label).toBe(parts.includes('senior'));
      if (!parts.includes('primary')) expect([s.classesPrimary, s.teachersPrimary]).toEqual([0, 0]);
      if (!parts.includes('junior')) expect([s.classesJunior, s.teachersJunior]).toEqual([0, 0]);
      for (const { total, subsets } of Object.values(TEACHER_SUBSET_FIELDS)) {
        for (const field of subsets) expect(s[field], `${label} ${field}`).toBeLessThanOrEqual(s[total]);
      }
      expect(s.certifiedTeachers).toBeLessThanOrEqual(s.teachersPrimary + s.teachersJunior);
      expect(s.rotationEligibleTeachers).toBeLessThanOrEqual(s.teachersPrimary + s.teachersJunior);
      const c56 = s.classes56To65 ?? -1;
      const c66 = s.classes66Plus ?? -1;
      const max = s.maxClassSize ?? -1;
      expect(Math.min(c56, c66, max), label).toBeGreaterThanOrEqual(0);
      expect(c56 + c66).toBeLessThanOrEqual(s.classesPrimary + s.classesJunior);
      if (max < 56) expect(c56 + c66, label).toBe(0);
      else expect(c56 + c66, label).toBeGreaterThan(0);
      expect(c66 > 0, label).toBe(max >= 66);
      expect(max).toBeLessThanOrEqual(70);
      // Per-stage class size: given for the stages the school has, adding up to the school-wide figures.
      expect(s.maxClassSizePrimary !== null, label).toBe(parts.includes('primary'));
      expect(s.maxClassSizeJunior !== null, label).toBe(parts.includes('junior'));
      expect((s.classes56To65Primary ?? 0) + (s.classes56To65Junior ?? 0), label).toBe(c56);
      expect((s.classes66PlusPrimary ?? 0) + (s.classes66PlusJunior ?? 0), label).toBe(c66);
      expect(Math.max(s.maxClassSizePrimary ?? 0, s.maxClassSizeJunior ?? 0), label).toBe(max);
    }
  });

  it('keeps values plausible in magnitude', () => {
    for (const s of demo.stats) {
      const type = school(s.schoolCode).schoolType;
      const label = `${school(s.schoolCode).schoolName} ${s.year}`;
      if (type === 'primary') expect(s.studentsPrimary, label).toBeGreaterThanOrEqual(100);
      if (type === 'primary') expect(s.studentsPrimary, label).toBeLessThanOrEqual(2500);
      if (type === 'junior') expect(s.studentsJunior, label).toBeGreaterThanOrEqual(250);
      if (type === 'junior') expect(s.studentsJunior, label).toBeLessThanOrEqual(2000);
      if (type === 'teaching_point') expect(s.studentsPrimary, label).toBeGreaterThanOrEqual(12);
      if (type === 'teaching_point') expect(s.studentsPrimary, label).toBeLessThanOrEqual(90);
      const all = s.studentsPrimary + s.studentsJunior + s.studentsSenior;
      if (type !== 'teaching_point' && type !== 'special') {
        expect(s.equipmentValue / all, label).toBeGreaterThan(800);
        expect(s.equipmentValue / all, label).toBeLessThan(6000);
        expect(s.books / all, label).toBeGreaterThan(15);
        expect(s.books / all, label).toBeLessThan(70);
        expect((100 * s.computers) / all, label).toBeGreaterThan(5);
        expect((100 * s.computers) / all, label).toBeLessThan(30);
      }
    }
    for (const year of DEMO_YEARS) {
      const rows = statsOf(year);
      const all = rows.reduce((sum, s) => sum + s.studentsPrimary + s.studentsJunior + s.studentsSenior, 0);
      const equipment = rows.reduce((sum, s) => sum + s.equipmentValue, 0) / all;
      expect(equipment).toBeGreaterThan(1500);
      expect(equipment).toBeLessThan(4000);
    }
  });
});

describe('generateDemoCounty: the story the charts tell', () => {
  const first = DEMO_YEARS[0];
  const last = DEMO_YEARS[DEMO_YEARS.length - 1] ?? first;

  it('has crowded urban schools: 大班额, schools over 2000 students, little room per student', () => {
    const early = statsOf(first).filter((s) => localeOf(s.schoolCode) === 'urban');
    const late = statsOf(last).filter((s) => localeOf(s.schoolCode) === 'urban');
    expect(early.some((s) => (s.classes66Plus ?? 0) > 0)).toBe(true);
    expect(early.filter((s) => (s.classes56To65 ?? 0) > 0).length).toBeGreaterThan(5);
    const largeClasses = (rows: SchoolStatRow[]): number =>
      rows.reduce((sum, s) => sum + (s.classes56To65 ?? 0) + (s.classes66Plus ?? 0), 0);
    expect(largeClasses(late)).toBeLessThan(largeClasses(early) / 3);
    expect(early.filter((s) => s.studentsPrimary + s.studentsJunior > 2000).length).toBeGreaterThanOrEqual(2);
    for (const year of DEMO_YEARS) {
      for (const stage of ['primary', 'junior'] as const) {
        const room = (l: Locale): number => localeMean(year, stage, l, 'teaching_room_area_per_student');
        expect(room('urban'), `${year} ${stage}`).toBeLessThan(room('rural'));
        const higher = (l: Locale): number => localeMean(year, stage, l, 'higher_degree_teachers_per100');
        expect(higher('urban'), `${year} ${stage}`).toBeGreaterThan(higher('rural'));
      }
    }
    expect(localeMean(first, 'primary', 'urban', 'teaching_room_area_per_student')).toBeLessThan(4.5);
    expect(localeMean(first, 'primary', 'urban', 'sports_area_per_student')).toBeLessThan(7.5);
  });

  it('narrows the urban–rural gap in teachers and equipment over the years', () => {
    for (const key of ['backbone_teachers_per100', 'pe_art_teachers_per100', 'multimedia_rooms_per100'] as const) {
      const gap = (year: number): number =>
        localeMean(year, 'primary', 'urban', key) - localeMean(year, 'primary', 'rural', key);
      expect(gap(first), key).toBeGreaterThan(0);
      expect(gap(last), key).toBeLessThan(gap(first) / 2);
    }
  });

  it('has a primary CV above its limit early and below it late', () => {
    const limit = QUALITY_CV_LIMIT.primary;
    expect(stageCv(first, 'primary', 'backbone_teachers_per100')).toBeGreaterThan(limit);
    expect(stageCv(last, 'primary', 'backbone_teachers_per100')).toBeLessThan(limit);
    for (const def of QUALITY_INDICATORS) {
      expect(stageCv(last, 'primary', def.key), def.key).toBeLessThan(limit);
      expect(stageCv(last, 'junior', def.key), def.key).toBeLessThan(QUALITY_CV_LIMIT.junior);
    }
  });

  it('has schools failing 资源配置 in every year, fewer later', () => {
    const failing = (year: number): number =>
      (['primary', 'junior'] as const).reduce(
        (sum, stage) => sum + countedSingleStage(year, stage).filter((s) => !passesCompliance(s, stage)).length,
        0,
      );
    for (const year of DEMO_YEARS) expect(failing(year), String(year)).toBeGreaterThan(0);
    expect(failing(last)).toBeLessThan(failing(first) * 0.6);
    expect(countedSingleStage(first, 'primary').some((s) => passesCompliance(s, 'primary'))).toBe(true);
  });

  it('rotates teachers below 10% until 2021 and above it from 2022, with a rising backbone share', () => {
    for (const year of DEMO_YEARS) {
      const { ratio, backboneShare } = rotationRatio(year);
      if (year <= 2021) expect(ratio, String(year)).toBeLessThan(ROTATION_MIN_RATIO);
      else expect(ratio, String(year)).toBeGreaterThan(ROTATION_MIN_RATIO);
      if (year >= 2022) expect(backboneShare, String(year)).toBeGreaterThanOrEqual(ROTATION_MIN_BACKBONE_SHARE);
    }
    expect(rotationRatio(first).backboneShare).toBeGreaterThan(0.1);
    expect(rotationRatio(first).backboneShare).toBeLessThan(ROTATION_MIN_BACKBONE_SHARE);
  });

  it('rotates between two different schools of the county, mostly out of the city, never the special school', () => {
    const special = demo.schools.find((s) => s.schoolType === 'special')?.schoolCode;
    for (const r of demo.rotations) {
      expect(r.fromSchoolCode).not.toBe(r.toSchoolCode);
      expect(schoolByCode.has(r.fromSchoolCode) && schoolByCode.has(r.toSchoolCode)).toBe(true);
      expect([r.fromSchoolCode, r.toSchoolCode]).not.toContain(special);
      expect([12, 24, 36]).toContain(r.months);
    }
    const outOfCity = demo.rotations.filter(
      (r) => localeOf(r.fromSchoolCode) === 'urban' && localeOf(r.toSchoolCode) !== 'urban',
    );
    expect(outOfCity.length / demo.rotations.length).toBeGreaterThan(0.6);
    // A school cannot send more teachers than it has eligible, nor more backbone teachers than it has.
    for (const s of demo.stats) {
      const out = demo.rotations.filter((r) => r.year === s.year && r.fromSchoolCode === s.schoolCode);
      expect(out.length).toBeLessThanOrEqual(s.rotationEligibleTeachers);
      expect(out.filter((r) => r.backbone).length).toBeLessThanOrEqual(
        s.backboneTeachersPrimary + s.backboneTeachersJunior,
      );
    }
  });
});

describe(generateDemoPeers.name, () => {
  const peers = generateDemoPeers();
  const demo = generateDemoCounty();

  it('should make the other counties of the demo city: fictional codes of the same city, smaller than 澄川县', () => {
    const codes = peers.map((p) => p.district.code);
    expect(codes).toEqual(['330991', '330992', '330993', '330994']);
    for (const peer of peers) {
      expect(peer.district.code.slice(0, 4)).toBe(DEMO_CITY.code);
      expect(peer.schools.length).toBeGreaterThan(20);
      expect(peer.schools.length).toBeLessThan(demo.schools.length);
      expect(new Set(peer.stats.map((s) => s.year))).toEqual(new Set(DEMO_YEARS));
      for (const school of peer.schools) {
        expect(school).toMatchObject({ districtCode: peer.district.code, cityName: DEMO_CITY.name });
        expect(school.townshipCode.startsWith(peer.district.code)).toBe(true);
        expect(school.schoolName).not.toContain(DEMO_DISTRICT.name);
      }
      expect(peer.rotations.every((r) => r.teacherRef.startsWith(`T${peer.district.code}`))).toBe(true);
    }
    expect(demo.schools.every((s) => s.cityName === DEMO_CITY.name)).toBe(true);
  });

  it('should give every school of the city its own code, and differ in urban share', () => {
    const all = [demo, ...peers].flatMap((county) => county.schools.map((s) => s.schoolCode));
    expect(new Set(all).size).toBe(all.length);
    const urbanShare = (county: (typeof peers)[number]) =>
      county.schools.filter((s) => s.urbanRuralCode.startsWith('11')).length / county.schools.length;
    const shares = peers.map(urbanShare);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.2);
  });
});
