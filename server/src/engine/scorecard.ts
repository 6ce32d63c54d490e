import type {
  CountyInputItem,
  CountyInputKey,
  CountyInputs,
  GuaranteeReport,
  QualityReport,
  RotationReport,
  Scorecard,
  ScorecardArea,
  ScorecardItem,
  ScorecardStatus,
  ScorecardTally,
  Stage,
} from '@junheng/shared';
import {
  COUNTY_INPUT_ITEMS,
  QUALITY_CV_LIMIT,
  ROTATION_MIN_BACKBONE_SHARE,
  ROTATION_MIN_RATIO,
  SCORECARD_AREAS,
  STAGE_LABELS,
  STAGES,
} from '@junheng/shared';
import { findQualityDefinition } from './indicators.ts';

/** Who saved an entered item and when (ISO 8601), with its note; absent when never saved. */
export interface CountyInputMeta {
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ScorecardInput {
  quality: Partial<Record<Stage, QualityReport>>;
  guarantee: GuaranteeReport | null;
  rotation: RotationReport | null;
  inputs: CountyInputs;
  /** The stored entries' note, time and author by key (the scorecard says who entered each value and when). */
  entries?: Partial<Record<CountyInputKey, CountyInputMeta>>;
}

type ComputedItem = Omit<ScorecardItem, 'source' | 'note' | 'enteredBy' | 'enteredAt'>;

function statusOf(passes: boolean | null): ScorecardStatus {
  if (passes === null) return 'not_entered';
  return passes ? 'pass' : 'fail';
}

function percent(limit: number): string {
  return `${Math.round(limit * 100)}%`;
}

const tallyOf = (part: number, whole: number, unit: ScorecardTally['unit']): ScorecardTally => ({ part, whole, unit });

function buildResourceItems(stage: Stage, report: QualityReport | undefined): ComputedItem[] {
  const stageZh = STAGE_LABELS[stage].zh;
  const stageEn = STAGE_LABELS[stage].en;
  const evaluable = report !== undefined && report.schoolsCounted > 0;
  const blockingKeys = report?.verdict.blockingIndicators ?? [];
  const blockingZh = blockingKeys.map((key) => findQualityDefinition(key).zh);
  const blockingEn = blockingKeys.map((key) => findQualityDefinition(key).en);
  const failing = report?.verdict.failingSchools.length ?? 0;
  const cvPassing = evaluable ? report.indicators.filter((i) => i.cvPasses === true).length : null;
  return [
    {
      key: `resource_cv_${stage}`,
      area: 'resource',
      zh: `${stageZh}资源配置校际差异系数`,
      en: `${stageEn}: between-school CVs of resource indicators`,
      stage,
      view: 'balance',
      kind: 'number',
      value: cvPassing,
      tally: evaluable && cvPassing !== null ? tallyOf(cvPassing, report.indicators.length, 'indicators') : null,
      requirementZh: `7项指标差异系数均 ≤ ${QUALITY_CV_LIMIT[stage]}`,
      requirementEn: `All 7 CVs ≤ ${QUALITY_CV_LIMIT[stage]}`,
      status: statusOf(evaluable ? report.verdict.cvPasses : null),
      detailZh: blockingZh.length > 0 ? `未达标：${blockingZh.join('、')}` : null,
      detailEn: blockingEn.length > 0 ? `Over the limit: ${blockingEn.join('; ')}` : null,
      schools: [],
    },
    {
      key: `resource_schools_${stage}`,
      area: 'resource',
      zh: `${stageZh}学校资源配置达标`,
      en: `${stageEn}: schools meeting resource standards`,
      stage,
      view: 'compliance',
      kind: 'ratio',
      value: evaluable ? report.verdict.schoolsPassing / report.schoolsCounted : null,
      tally: evaluable ? tallyOf(report.verdict.schoolsPassing, report.schoolsCounted, 'schools') : null,
      requirementZh: '每所学校至少6项指标达标，余项不低于标准的85%',
      requirementEn: 'Every school meets ≥ 6 of 7, the other at ≥ 85%',
      status: statusOf(evaluable ? report.verdict.schoolsPass : null),
      detailZh: failing > 0 ? `${failing} 所学校未达标` : null,
      detailEn: failing > 0 ? `${failing} ${failing === 1 ? 'school fails' : 'schools fail'}` : null,
      schools: [],
    },
  ];
}

const NAMED_TEACHING_POINTS = 3;

const schoolsEn = (n: number) => `${n} ${n === 1 ? 'school' : 'schools'}`;

/**
 * "2 所学校不足" for the schools; teaching points are not schools in the statistics, so they are named apart
 * ("另列教学点 3 个（不计入学校），其中 1 个不足：…") and never counted among the schools short of rooms.
 */
function describeMusicArtRooms(rooms: GuaranteeReport['musicArtRooms'] | undefined): { zh: string; en: string } | null {
  if (!rooms) return null;
  const zh: string[] = [];
  const en: string[] = [];
  if (rooms.short > 0) {
    zh.push(`${rooms.short} 所学校不足`);
    en.push(`${schoolsEn(rooms.short)} short of rooms`);
  }
  if (rooms.teachingPoints.length > 0) {
    const short = rooms.teachingPoints.filter((row) => !row.passes).map((row) => row.name);
    // A county may have dozens of teaching points: name a few, so the line stays a line (the count says the rest).
    const named = short.slice(0, NAMED_TEACHING_POINTS);
    const more = short.length > named.length;
    zh.push(
      `另列教学点 ${rooms.teachingPoints.length} 个（不计入学校）` +
        (short.length > 0 ? `，其中 ${short.length} 个不足：${named.join('、')}${more ? ' 等' : ''}` : '，均已配齐'),
    );
    en.push(
      `${rooms.teachingPoints.length} teaching points listed apart (not counted as schools)` +
        (short.length > 0 ? `, ${short.length} short: ${named.join(', ')}${more ? ', …' : ''}` : ', all equipped'),
    );
  }
  return zh.length > 0 ? { zh: zh.join('；'), en: en.join('; ') } : null;
}

function buildSchoolDataItems(guarantee: GuaranteeReport | null): ComputedItem[] {
  const checked = guarantee?.schoolsChecked ?? 0;
  const share = (failing: number) => (guarantee && checked > 0 ? 1 - failing / checked : null);
  const certificate = guarantee?.teacherCertificate;
  const rooms = guarantee?.musicArtRooms;
  const roomsDetail = describeMusicArtRooms(rooms);
  const oversize = guarantee?.schoolSize.oversize ?? 0;
  const overLimit = guarantee?.classSize.overLimit ?? 0;
  const unknown = guarantee?.classSize.unknown ?? 0;
  const classZh = [
    overLimit ? `${overLimit} 所学校超班额` : '',
    unknown ? `${unknown} 所学校班额无数据或无法分学段判断` : '',
  ].filter(Boolean);
  const classEn = [
    overLimit ? `${schoolsEn(overLimit)} over the class limit` : '',
    unknown ? `${schoolsEn(unknown)} without class-size data or not judged per stage` : '',
  ].filter(Boolean);
  const uncertified = certificate?.schools.filter((row) => row.certified < row.teachers) ?? [];
  return [
    {
      key: 'music_art_rooms',
      area: 'guarantee',
      zh: '音乐、美术专用教室',
      en: 'Music and art rooms',
      stage: null,
      view: 'scorecard',
      kind: 'ratio',
      value: rooms && rooms.schools.length > 0 ? 1 - rooms.short / rooms.schools.length : null,
      tally:
        rooms && rooms.schools.length > 0
          ? tallyOf(rooms.schools.length - rooms.short, rooms.schools.length, 'schools')
          : null,
      requirementZh: '每12个班级配备音乐、美术专用教室各1间以上',
      requirementEn: 'At least one music and one art room per 12 classes',
      status: statusOf(rooms?.passes ?? null),
      detailZh: roomsDetail?.zh ?? null,
      detailEn: roomsDetail?.en ?? null,
      schools: (rooms?.schools ?? [])
        .filter((row) => !row.passes)
        .map((row) => ({
          code: row.code,
          name: row.name,
          detailZh: `${row.classes} 个班，需音乐、美术专用教室各 ${row.required} 间；现有音乐 ${row.musicRooms} 间、美术 ${row.artRooms} 间`,
          detailEn: `${row.classes} classes need ${row.required} music and ${row.required} art rooms; has ${row.musicRooms} music, ${row.artRooms} art`,
        })),
    },
    {
      key: 'school_size',
      area: 'guarantee',
      zh: '学校规模',
      en: 'School size',
      stage: null,
      view: 'class_size',
      kind: 'ratio',
      value: share(oversize),
      tally: guarantee && checked > 0 ? tallyOf(checked - oversize, checked, 'schools') : null,
      requirementZh: '小学、初中 ≤ 2000人，九年一贯制、十二年一贯制义务教育阶段 ≤ 2500人',
      requirementEn: 'Primary and junior ≤ 2000; nine/twelve-year compulsory part ≤ 2500',
      status: statusOf(guarantee?.schoolSize.passes ?? null),
      detailZh: oversize ? `${oversize} 所学校超规模` : null,
      detailEn: oversize ? `${schoolsEn(oversize)} oversize` : null,
      schools: [],
    },
    {
      key: 'class_size',
      area: 'guarantee',
      zh: '班额',
      en: 'Class size',
      stage: null,
      view: 'class_size',
      kind: 'ratio',
      value: share(overLimit),
      tally: guarantee && checked > 0 ? tallyOf(checked - overLimit - unknown, checked, 'schools') : null,
      requirementZh: '小学、初中所有班级学生数分别不超过45人、50人',
      requirementEn: 'Every class ≤ 45 (primary) / ≤ 50 (junior)',
      status: statusOf(guarantee?.classSize.passes ?? null),
      detailZh: classZh.join('；') || null,
      detailEn: classEn.join('; ') || null,
      schools: [],
    },
    {
      key: 'teacher_certificate_rate',
      area: 'guarantee',
      zh: '专任教师持证上岗率',
      en: 'Teachers holding a teaching certificate',
      stage: null,
      view: 'scorecard',
      kind: 'ratio',
      value: certificate?.rate ?? null,
      tally:
        certificate && certificate.teachers > 0
          ? tallyOf(certificate.certified, certificate.teachers, 'teachers')
          : null,
      requirementZh: '100%',
      requirementEn: '100%',
      status: statusOf(certificate?.passes ?? null),
      detailZh: uncertified.length > 0 ? `${uncertified.length} 所学校有未持证专任教师` : null,
      detailEn: uncertified.length > 0 ? `${schoolsEn(uncertified.length)} with uncertified teachers` : null,
      schools: uncertified.map((row) => ({
        code: row.code,
        name: row.name,
        detailZh: `专任教师 ${row.teachers} 人，持证 ${row.certified} 人`,
        detailEn: `${row.certified} of ${row.teachers} teachers certified`,
      })),
    },
  ];
}

function buildRotationItems(rotation: RotationReport | null): ComputedItem[] {
  return [
    {
      key: 'rotation_ratio',
      area: 'guarantee',
      zh: '教师交流轮岗比例',
      en: 'Teachers rotated',
      stage: null,
      view: 'rotation',
      kind: 'ratio',
      value: rotation?.ratio ?? null,
      tally: rotation && rotation.eligible > 0 ? tallyOf(rotation.rotated, rotation.eligible, 'teachers') : null,
      requirementZh: `不低于符合交流条件教师总数的${percent(ROTATION_MIN_RATIO)}`,
      requirementEn: `≥ ${percent(ROTATION_MIN_RATIO)} of eligible teachers`,
      status: statusOf(rotation?.ratioPasses ?? null),
      detailZh: rotation ? `${rotation.rotated} / ${rotation.eligible} 人` : null,
      detailEn: rotation ? `${rotation.rotated} of ${rotation.eligible} eligible teachers` : null,
      schools: [],
    },
    {
      key: 'rotation_backbone_share',
      area: 'guarantee',
      zh: '骨干教师占交流轮岗教师比例',
      en: 'Backbone teachers among those rotated',
      stage: null,
      view: 'rotation',
      kind: 'ratio',
      value: rotation?.backboneShare ?? null,
      tally: rotation && rotation.rotated > 0 ? tallyOf(rotation.backboneRotated, rotation.rotated, 'teachers') : null,
      requirementZh: `不低于交流轮岗教师总数的${percent(ROTATION_MIN_BACKBONE_SHARE)}`,
      requirementEn: `≥ ${percent(ROTATION_MIN_BACKBONE_SHARE)} of teachers rotated`,
      status: statusOf(rotation?.backbonePasses ?? null),
      detailZh: rotation ? `${rotation.backboneRotated} / ${rotation.rotated} 人` : null,
      detailEn: rotation ? `${rotation.backboneRotated} of ${rotation.rotated} rotated teachers` : null,
      schools: [],
    },
  ];
}

/**
 * Status of an entered county-year item: not_entered when absent, null or of the wrong kind; a boolean passes when
 * true; a ratio or number passes when ≥ min and ≤ max (whichever the item defines).
 */
export function evaluateCountyInput(
  item: CountyInputItem,
  value: number | boolean | null | undefined,
): ScorecardStatus {
  if (value === undefined || value === null) return 'not_entered';
  if (item.kind === 'boolean') return typeof value === 'boolean' ? statusOf(value) : 'not_entered';
  if (typeof value !== 'number') return 'not_entered';
  const aboveMin = item.min === null || value >= item.min;
  const belowMax = item.max === null || value <= item.max;
  return statusOf(aboveMin && belowMax);
}

/** Entered items that concern one stage (the rest are county-wide). */
const ENTERED_ITEM_STAGES: Partial<Record<CountyInputKey, Stage>> = {
  nearby_enrolment_primary: 'primary',
  nearby_enrolment_junior: 'junior',
  consolidation_rate: 'junior',
};

function buildEnteredItem(
  item: CountyInputItem,
  inputs: CountyInputs,
  meta: CountyInputMeta | undefined,
): ScorecardItem {
  const value = inputs[item.key] ?? null;
  return {
    key: item.key,
    area: item.area,
    zh: item.zh,
    en: item.en,
    stage: ENTERED_ITEM_STAGES[item.key] ?? null,
    source: 'entered',
    view: 'county_inputs',
    kind: item.kind,
    value,
    tally: null,
    requirementZh: item.requirementZh,
    requirementEn: item.requirementEn,
    status: evaluateCountyInput(item, value),
    detailZh: null,
    detailEn: null,
    schools: [],
    note: meta?.note ?? null,
    enteredBy: meta?.updatedBy ?? null,
    enteredAt: meta?.updatedAt ?? null,
  };
}

function countStatuses(items: readonly ScorecardItem[]) {
  return {
    total: items.length,
    pass: items.filter((i) => i.status === 'pass').length,
    fail: items.filter((i) => i.status === 'fail').length,
    notEntered: items.filter((i) => i.status === 'not_entered').length,
  };
}

/**
 * The 优质均衡 scorecard of a county-year: 资源配置 items from the quality reports (CVs and school compliance per
 * stage), the 政府保障程度 items computed from school data and rotations, and the entered county-year items
 * (COUNTY_INPUT_ITEMS), each with its value, requirement and status pass / fail / not_entered, the view that explains it,
 * and for entered items who saved the value and when. Items are ordered by
 * area (资源配置, 政府保障程度, 教育质量, 社会认可度); `passes` only when every item passes.
 */
export function computeScorecard(input: ScorecardInput): Scorecard {
  const computed: ScorecardItem[] = [
    ...STAGES.flatMap((stage) => buildResourceItems(stage, input.quality[stage])),
    ...buildSchoolDataItems(input.guarantee),
    ...buildRotationItems(input.rotation),
  ].map((item): ScorecardItem => ({ ...item, source: 'computed', note: null, enteredBy: null, enteredAt: null }));
  const entered = COUNTY_INPUT_ITEMS.map((item) => buildEnteredItem(item, input.inputs, input.entries?.[item.key]));
  const areaOrder = (area: ScorecardArea) => SCORECARD_AREAS.indexOf(area);
  const items = [...computed, ...entered]
    .map((item, index) => ({ item, index }))
    .sort((a, b) => areaOrder(a.item.area) - areaOrder(b.item.area) || a.index - b.index)
    .map(({ item }) => item);
  const summary = countStatuses(items);
  return {
    items,
    areas: SCORECARD_AREAS.map((area) => ({ area, ...countStatuses(items.filter((i) => i.area === area)) })),
    summary,
    passes: summary.total > 0 && summary.pass === summary.total,
  };
}
