import type {
  CountyDataset,
  Locale,
  Ownership,
  QualityIndicatorKey,
  RotationRow,
  SchoolEventRow,
  SchoolRow,
  SchoolStatRow,
  SchoolType,
  Stage,
  UrbanRuralCode,
} from '@junheng/shared';
import { localeOfUrbanRuralCode, QUALITY_INDICATORS } from '@junheng/shared';

/**
 * A deterministic, fictional demo county (澄川县, 330999) with 7 years of school statistics and teacher rotations.
 *
 * The numbers are shaped so that the dashboard's charts tell a story an analyst recognises: crowded but well-staffed
 * urban schools, spacious but under-staffed rural schools, the gap closing year by year, a rotation programme that
 * reaches the 10% target from 2022, and a primary-school CV that falls under its limit. Nothing here uses Math.random
 * or the clock: the same seed always gives the same county.
 */

export const DEMO_DISTRICT = { code: '330999', name: '澄川县' } as const;
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
export const DEMO_DEFAULT_SEED = 20_190_901;

export interface DemoCountyOptions {
  seed?: number;
  /** Another fictional county from the same generator (the demo city's peers); default 澄川县 exactly as always. */
  peer?: DemoPeer;
}

/**
 * A peer county: its own code and name, a subset of the template's townships (its size and urban share), an
 * enrolment scale and the pace of its 优质均衡 push (1 = 澄川县's; smaller lags behind). Township and school names
 * are the template's with the county's own place names.
 */
export interface DemoPeer {
  code: string;
  name: string;
  cityName: string;
  /** Template township suffixes to keep ('001'…'004' urban subdistricts, '101'…'105' towns, '201'…'203' townships). */
  townships: readonly string[];
  /** Display names for the kept townships, in the same order. */
  townshipNames: readonly string[];
  enrolmentScale: number;
  /** Share of the template's village primaries and teaching points kept (fewer small schools, a quicker demo load). */
  villageScale: number;
  pace: number;
  /** Start of the peer's school-code serial block (10-digit codes beginning 2133, unique per county). */
  schoolCodeBase: number;
}

/** The demo county's city: fictional, like the county (the city code is the district code's first four digits). */
export const DEMO_CITY = { code: '3309', name: '澄州市' } as const;

export type DemoCounty = CountyDataset & { district: { code: string; name: string } };

// ---------------------------------------------------------------------------------------------------------------
// Trends. Each [early, late] pair is interpolated along POLICY_PROGRESS (2019 → 2025): improvement is slow at first
// and speeds up once the county starts its 优质均衡 push in 2022, which is what real county reports look like.
// ---------------------------------------------------------------------------------------------------------------

type Part = Stage | 'senior';
type Trend = readonly [early: number, late: number];
type LocaleTrend = Record<Locale, Trend>;

const POLICY_PROGRESS = [0, 0.08, 0.2, 0.42, 0.64, 0.84, 1] as const;

/** Year-on-year enrolment multipliers (2020 … 2025): urbanisation first, then falling births; villages empty out. */
const STUDENT_GROWTH: Record<Locale, readonly number[]> = {
  urban: [1.035, 1.03, 1.01, 0.99, 0.98, 0.975],
  town: [1.01, 1.0, 0.995, 0.99, 0.98, 0.975],
  rural: [0.96, 0.955, 0.95, 0.95, 0.945, 0.94],
};

/** Mean class size: urban 大班额 eases as new classrooms open; village classes stay small. */
const CLASS_SIZE: Record<Stage, LocaleTrend> = {
  primary: { urban: [53, 45], town: [44, 41], rural: [32, 30] },
  junior: { urban: [56, 48], town: [50, 46], rural: [42, 40] },
};

/** Full-time teachers per 100 students of the stage (before a per-school factor). */
const TEACHERS_PER100: Record<Stage, Record<Locale, number>> = {
  primary: { urban: 5.7, town: 6.1, rural: 6.4 },
  junior: { urban: 7.3, town: 7.9, rural: 8.4 },
};

/** Shares of the stage's teachers: urban schools keep the qualified and backbone teachers; villages catch up. */
const HIGHER_DEGREE_SHARE: Record<Stage, LocaleTrend> = {
  primary: { urban: [0.92, 0.97], town: [0.78, 0.9], rural: [0.46, 0.76] },
  junior: { urban: [0.86, 0.95], town: [0.74, 0.88], rural: [0.5, 0.76] },
};
const BACKBONE_SHARE: LocaleTrend = { urban: [0.27, 0.25], town: [0.19, 0.22], rural: [0.015, 0.17] };
const PE_ART_SHARE: LocaleTrend = { urban: [0.17, 0.18], town: [0.17, 0.18], rural: [0.05, 0.15] };
const SENIOR_TITLE_SHARE: LocaleTrend = { urban: [0.52, 0.56], town: [0.46, 0.52], rural: [0.36, 0.46] };
const CERTIFIED_SHARE: Record<Ownership, Trend> = { public: [0.95, 0.995], private: [0.82, 0.93] };

/** Physical stock targets as a multiple of the 优质均衡 threshold; stocks never shrink, so village values rise as
 * enrolment falls. */
const ASSET_RATIO: Record<'room' | 'sports' | 'equipment', LocaleTrend> = {
  room: { urban: [0.76, 1.12], town: [1.12, 1.22], rural: [1.45, 1.55] },
  sports: { urban: [0.55, 0.9], town: [1.12, 1.2], rural: [1.5, 1.6] },
  equipment: { urban: [1.35, 1.7], town: [1.1, 1.4], rural: [0.72, 1.25] },
};
/** Share of classrooms that are networked multimedia rooms (班班通), plus urban schools' extra labs. */
const MULTIMEDIA_SHARE: LocaleTrend = { urban: [1, 1], town: [0.9, 1], rural: [0.18, 0.8] };
const COMPUTERS_PER100: LocaleTrend = { urban: [15, 18], town: [10, 16], rural: [7, 15] };
const BOOKS_PER_STUDENT: LocaleTrend = { urban: [28, 34], town: [25, 36], rural: [21, 40] };
const MUSIC_ART_ROOM_SHARE: LocaleTrend = { urban: [0.6, 1], town: [0.5, 1], rural: [0.15, 0.9] };

/** Rotation: share of eligible teachers rotated out, and backbone share of those rotated, by year. */
const ROTATION_RATIO = [0.066, 0.078, 0.091, 0.112, 0.124, 0.133, 0.142] as const;
const ROTATION_BACKBONE_SHARE = [0.14, 0.16, 0.18, 0.215, 0.23, 0.245, 0.26] as const;
/** Who sends teachers (weight per eligible teacher) and where they go: mostly city → town/village. */
const ROTATION_FROM_WEIGHT: Record<Locale, number> = { urban: 1, town: 0.3, rural: 0.06 };
const ROTATION_TO_SHARE: Record<Locale, Record<Locale, number>> = {
  urban: { urban: 0.08, town: 0.42, rural: 0.5 },
  town: { urban: 0.12, town: 0.18, rural: 0.7 },
  rural: { urban: 0.3, town: 0.5, rural: 0.2 },
};
const ROTATION_MONTHS = [
  [12, 0.55],
  [24, 0.3],
  [36, 0.15],
] as const;

/** Private schools were built recently on new campuses: less crowded than the old public schools around them. */
const PRIVATE_ASSET_BONUS: Record<Locale, number> = { urban: 1.4, town: 1.15, rural: 1 };

/** Senior students weigh in for shared assets as in METHOD.md §5 (高中 ≈ 1.2 × 初中). */
const SENIOR_ASSET_WEIGHT = 1.2;

const TYPE_PARTS: Record<SchoolType, readonly Part[]> = {
  primary: ['primary'],
  teaching_point: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  twelve_year: ['primary', 'junior', 'senior'],
  complete_middle: ['junior', 'senior'],
  special: ['primary', 'junior'],
};

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------------------

interface Rng {
  next(): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
}

/** mulberry32: tiny, fast and good enough for demo data. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
  };
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T | undefined {
  let total = 0;
  for (const item of items) total += Math.max(0, weight(item));
  if (total <= 0) return undefined;
  let r = rng.next() * total;
  for (const item of items) {
    r -= Math.max(0, weight(item));
    if (r < 0) return item;
  }
  return items[items.length - 1];
}

// ---------------------------------------------------------------------------------------------------------------
// Townships and schools
// ---------------------------------------------------------------------------------------------------------------

type TownshipKind = 'subdistrict' | 'town' | 'township';

interface TownshipPlan {
  code: string;
  name: string;
  /** The template township (澄川县's) whose named schools this one gets. */
  template: string;
  kind: TownshipKind;
  /** Code of the township seat (街道 111/112, 镇区 121, 乡中心区 210); village schools are 220. */
  seatCode: UrbanRuralCode;
  /** Village primary schools and teaching points to create. */
  villagePrimaries: number;
  teachingPoints: number;
}

/** A school as planned: its canonical row plus what drives its statistics. */
interface SchoolPlan {
  row: SchoolRow;
  locale: Locale;
  /** 2019 enrolment per part. */
  base: Record<Part, number>;
  /** Pace of the county's policy progress (1 for 澄川县). */
  pace: number;
  /** Fixed per-school multipliers, so schools differ but each one is stable over time. */
  factor: SchoolFactors;
}

interface SchoolFactors {
  teachers: number;
  higherDegree: number;
  backbone: number;
  peArt: number;
  seniorTitle: number;
  room: number;
  sports: number;
  equipment: number;
  books: number;
  computers: number;
  classSize: number;
  multimediaExtra: number;
  eligible: number;
  /** Fixed fractional offsets for rounding small counts (keeps a 1-teacher subset from flickering year to year). */
  roundOffset: number;
}

const VILLAGE_NAMES = [
  '李家',
  '王庄',
  '杨柳',
  '石桥',
  '东坡',
  '下湾',
  '上岗',
  '高田',
  '河口',
  '枫树',
  '竹林',
  '三岔',
  '马鞍',
  '黄泥',
  '新塘',
  '月山',
  '桂花',
  '沙坪',
  '梅岭',
  '长岭',
  '大坪',
  '茶园',
  '水口',
  '岩头',
  '田心',
  '汪家',
  '金竹',
  '凤凰',
  '龙潭',
  '鹤山',
  '柏树',
  '樟木',
  '清水',
  '双河',
  '白马',
  '青龙',
  '桥头',
  '芦塘',
  '杏花',
  '荷塘',
  '大湾',
  '小溪',
  '刘家',
  '陈家',
  '周家',
  '罗家',
  '何家',
  '谢家',
  '孙家',
  '马家',
  '石板',
  '花园',
  '红岩',
  '古井',
  '柿子',
  '狮子',
  '金星',
  '横山',
  '坪上',
  '油麻',
] as const;

/** The county a plan is for: 澄川县, or a peer. */
interface CountyPlan {
  code: string;
  name: string;
  cityName: string;
  enrolmentScale: number;
  pace: number;
  schoolCodeBase: number;
}

const DEMO_COUNTY_PLAN: CountyPlan = {
  code: DEMO_DISTRICT.code,
  name: DEMO_DISTRICT.name,
  cityName: DEMO_CITY.name,
  enrolmentScale: 1,
  pace: 1,
  schoolCodeBase: 990_101,
};

function planTownships(peer?: DemoPeer): TownshipPlan[] {
  const template = planTemplateTownships();
  if (!peer) return template;
  return peer.townships.map((suffix, i) => {
    const plan = template.find((t) => t.code.endsWith(suffix));
    if (!plan) throw new Error(`unknown template township ${suffix}`);
    return {
      ...plan,
      code: `${peer.code}${suffix}`,
      name: peer.townshipNames[i] ?? plan.name,
      villagePrimaries: Math.round(plan.villagePrimaries * peer.villageScale),
      teachingPoints: Math.round(plan.teachingPoints * peer.villageScale),
    };
  });
}

function planTemplateTownships(): TownshipPlan[] {
  const t = (
    suffix: string,
    name: string,
    kind: TownshipKind,
    seatCode: UrbanRuralCode,
    villagePrimaries = 0,
    teachingPoints = 0,
  ): TownshipPlan => ({
    code: `${DEMO_DISTRICT.code}${suffix}`,
    name,
    template: name,
    kind,
    seatCode,
    villagePrimaries,
    teachingPoints,
  });
  return [
    t('001', '城东街道', 'subdistrict', '111'),
    t('002', '城西街道', 'subdistrict', '111'),
    t('003', '城南街道', 'subdistrict', '111'),
    t('004', '城北街道', 'subdistrict', '112'),
    t('101', '青石镇', 'town', '121', 4, 3),
    t('102', '白沙镇', 'town', '121', 3, 3),
    t('103', '柳溪镇', 'town', '121', 4, 2),
    t('104', '桃源镇', 'town', '121', 3, 3),
    t('105', '石门镇', 'town', '121', 4, 3),
    t('201', '白云乡', 'township', '210', 5, 4),
    t('202', '龙泉乡', 'township', '210', 4, 4),
    t('203', '松岭乡', 'township', '210', 4, 3),
  ];
}

/** Named (non-village) schools per township: [name, type, urban–rural code or 'seat', enrolment ranges, extras]. */
interface NamedSchool {
  name: string;
  type: SchoolType;
  code?: UrbanRuralCode;
  primary?: readonly [number, number];
  junior?: readonly [number, number];
  senior?: readonly [number, number];
  ownership?: Ownership;
  boarding?: boolean;
  group?: string | null;
  /** The township's 中心小学: parent of its teaching points. */
  centre?: boolean;
}

const NAMED_SCHOOLS: Record<string, readonly NamedSchool[]> = {
  城东街道: [
    { name: '澄川县实验小学', type: 'primary', primary: [2280, 2380], group: '城东教育集团', centre: true },
    { name: '城东街道第一小学', type: 'primary', primary: [2040, 2120] },
    { name: '城东街道第二小学', type: 'primary', primary: [1300, 1600], group: '城东教育集团' },
    { name: '城东街道第三小学', type: 'primary', primary: [800, 1000] },
    { name: '澄川县第二中学', type: 'complete_middle', junior: [1100, 1300], senior: [1600, 1900] },
    { name: '城东初级中学', type: 'junior', junior: [1400, 1650] },
  ],
  城西街道: [
    { name: '城西街道第一小学', type: 'primary', primary: [1500, 1800], group: '城西教育集团', centre: true },
    { name: '城西街道第二小学', type: 'primary', primary: [1100, 1400], group: '城西教育集团' },
    { name: '城西街道第三小学', type: 'primary', primary: [650, 850] },
    { name: '澄川县实验初级中学', type: 'junior', junior: [1600, 1780], group: '实验中学教育集团' },
    {
      name: '育才民办学校',
      type: 'nine_year',
      primary: [700, 900],
      junior: [500, 700],
      ownership: 'private',
      boarding: true,
    },
  ],
  城南街道: [
    { name: '城南街道中心小学', type: 'primary', primary: [1400, 1700], centre: true },
    { name: '城南街道第二小学', type: 'primary', primary: [900, 1200] },
    { name: '城南初级中学', type: 'junior', junior: [1200, 1450] },
    { name: '启明民办小学', type: 'primary', primary: [500, 700], ownership: 'private' },
    {
      name: '澄川县外国语学校',
      type: 'twelve_year',
      primary: [800, 1000],
      junior: [500, 650],
      senior: [350, 500],
      ownership: 'private',
      boarding: true,
    },
    { name: '澄川县特殊教育学校', type: 'special', primary: [70, 100], junior: [35, 55], boarding: true },
  ],
  城北街道: [
    { name: '城北街道第一小学', type: 'primary', primary: [1100, 1400], centre: true },
    { name: '城北街道第二小学', type: 'primary', primary: [700, 900] },
    { name: '城北街道石塘小学', type: 'primary', primary: [350, 500] },
    { name: '城北初级中学', type: 'junior', junior: [900, 1150] },
  ],
  青石镇: [
    { name: '青石镇中心小学', type: 'primary', primary: [900, 1150], group: '城东教育集团', centre: true },
    { name: '青石镇第二小学', type: 'primary', code: '122', primary: [400, 600], group: '青石学区' },
    { name: '青石镇中学', type: 'junior', junior: [750, 950], boarding: true, group: '实验中学教育集团' },
    { name: '澄川县第三中学', type: 'complete_middle', junior: [650, 850], senior: [900, 1200], boarding: true },
  ],
  白沙镇: [
    { name: '白沙镇中心小学', type: 'primary', primary: [800, 1000], group: '城西教育集团', centre: true },
    { name: '白沙镇第二小学', type: 'primary', code: '122', primary: [350, 500] },
    { name: '白沙镇中学', type: 'junior', junior: [650, 850], boarding: true },
  ],
  柳溪镇: [
    { name: '柳溪镇中心小学', type: 'primary', primary: [700, 900], centre: true },
    { name: '柳溪镇中学', type: 'junior', junior: [550, 750], boarding: true },
    { name: '柳溪镇博文民办小学', type: 'primary', primary: [300, 450], ownership: 'private' },
  ],
  桃源镇: [
    { name: '桃源镇中心小学', type: 'primary', primary: [750, 950], centre: true },
    { name: '桃源镇第二小学', type: 'primary', code: '122', primary: [300, 450] },
    { name: '桃源镇中学', type: 'junior', junior: [600, 800], boarding: true },
    {
      name: '桃源民办实验学校',
      type: 'nine_year',
      code: '122',
      primary: [400, 550],
      junior: [300, 420],
      ownership: 'private',
      boarding: true,
    },
  ],
  石门镇: [
    { name: '石门镇中心小学', type: 'primary', primary: [650, 850], centre: true },
    { name: '石门镇矿区小学', type: 'primary', code: '123', primary: [250, 380] },
    { name: '石门镇中学', type: 'junior', junior: [500, 700], boarding: true },
  ],
  白云乡: [
    { name: '白云乡中心小学', type: 'primary', primary: [300, 420], boarding: true, group: '白云学区', centre: true },
    {
      name: '白云乡九年一贯制学校',
      type: 'nine_year',
      primary: [150, 250],
      junior: [220, 320],
      boarding: true,
      group: '白云学区',
    },
  ],
  龙泉乡: [
    { name: '龙泉乡中心小学', type: 'primary', primary: [280, 400], centre: true },
    { name: '龙泉乡中学', type: 'junior', junior: [400, 500], boarding: true, group: '实验中学教育集团' },
  ],
  松岭乡: [
    { name: '松岭乡中心小学', type: 'primary', primary: [250, 350], boarding: true, centre: true },
    { name: '松岭乡九年一贯制学校', type: 'nine_year', primary: [120, 200], junior: [180, 260], boarding: true },
  ],
};

function schoolCode(serial: number, base: number): string {
  // 学校标识码-like: 10 digits, province-style prefix 2133, spaced serials so codes do not look sequential.
  return `2133${String(base + serial * 37).padStart(6, '0')}`;
}

function drawFactors(rng: Rng): SchoolFactors {
  return {
    teachers: rng.range(0.9, 1.12),
    higherDegree: rng.range(0.93, 1.05),
    backbone: rng.range(0.7, 1.3),
    peArt: rng.range(0.8, 1.2),
    seniorTitle: rng.range(0.9, 1.1),
    room: rng.range(0.85, 1.15),
    sports: rng.range(0.82, 1.18),
    equipment: rng.range(0.85, 1.2),
    books: rng.range(0.85, 1.2),
    computers: rng.range(0.85, 1.2),
    classSize: rng.range(0.95, 1.06),
    multimediaExtra: rng.int(2, 6),
    eligible: rng.range(0.3, 0.45),
    roundOffset: rng.range(0.2, 0.8),
  };
}

function planSchools(townships: readonly TownshipPlan[], rng: Rng, county: CountyPlan): SchoolPlan[] {
  const plans: SchoolPlan[] = [];
  let villageIndex = 0;
  const add = (
    township: TownshipPlan,
    spec: Omit<NamedSchool, 'code' | 'centre'> & { code: UrbanRuralCode; parent?: string | null },
  ): SchoolPlan => {
    const drawn = (r: readonly [number, number] | undefined): number =>
      r ? Math.round(rng.int(r[0], r[1]) * county.enrolmentScale) : 0;
    const plan: SchoolPlan = {
      row: {
        schoolCode: schoolCode(plans.length, county.schoolCodeBase),
        schoolName: spec.name,
        districtCode: county.code,
        districtName: county.name,
        cityName: county.cityName,
        townshipCode: township.code,
        townshipName: township.name,
        urbanRuralCode: spec.code,
        schoolType: spec.type,
        ownership: spec.ownership ?? 'public',
        boarding: spec.boarding ?? false,
        parentSchoolCode: spec.parent ?? null,
        groupName: spec.group ?? null,
      },
      locale: localeOfUrbanRuralCode(spec.code),
      base: { primary: drawn(spec.primary), junior: drawn(spec.junior), senior: drawn(spec.senior) },
      pace: county.pace,
      factor: drawFactors(rng),
    };
    plans.push(plan);
    return plan;
  };

  for (const township of townships) {
    let centreCode: string | null = null;
    for (const named of NAMED_SCHOOLS[township.template] ?? []) {
      const { centre, code, ...spec } = named;
      const name = spec.name.replace(DEMO_DISTRICT.name, county.name).replace(township.template, township.name);
      const plan = add(township, { ...spec, name, code: code ?? township.seatCode });
      if (centre) centreCode = plan.row.schoolCode;
    }
    // A 学区 covers every school of a rural township that is not in a county-wide group.
    const group = township.kind === 'township' ? `${township.name.replace(/乡$/, '')}学区` : null;
    for (let i = 0; i < township.villagePrimaries; i++) {
      const village = VILLAGE_NAMES[villageIndex++ % VILLAGE_NAMES.length];
      add(township, {
        name: `${township.name}${village}小学`,
        type: 'primary',
        code: '220',
        group,
        primary: [150, 320],
      });
    }
    for (let i = 0; i < township.teachingPoints; i++) {
      const village = VILLAGE_NAMES[villageIndex++ % VILLAGE_NAMES.length];
      // Alternate big (≥ 50, counted in CVs) and small (< 50, excluded) teaching points.
      const size: readonly [number, number] = i % 2 === 0 ? [64, 90] : [17, 42];
      add(township, {
        name: `${township.name}${village}村教学点`,
        type: 'teaching_point',
        code: '220',
        group,
        primary: size,
        parent: centreCode,
      });
    }
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Yearly statistics
// ---------------------------------------------------------------------------------------------------------------

const threshold = (key: QualityIndicatorKey, stage: Stage): number => {
  const def = QUALITY_INDICATORS.find((d) => d.key === key);
  if (!def) throw new Error(`unknown indicator ${key}`);
  return def.threshold[stage];
};

function trendAt([early, late]: Trend, yearIndex: number, pace: number): number {
  const p = (POLICY_PROGRESS[yearIndex] ?? 1) * pace;
  return early + (late - early) * p;
}

/** Physical stocks carried from one year to the next (buildings and equipment do not disappear). */
interface Stocks {
  teachingRoomArea: number;
  sportsArea: number;
  equipmentValue: number;
  books: number;
  multimediaRooms: number;
  musicRooms: number;
  artRooms: number;
}

interface PartStats {
  classes: number;
  teachers: number;
  higherDegree: number;
  backbone: number;
  peArt: number;
  seniorTitle: number;
  maxClassSize: number;
}

/** Enrolment per part for every year, following the locale's trend with a little noise. */
function projectEnrolment(plan: SchoolPlan, rng: Rng): Record<Part, number>[] {
  const years: Record<Part, number>[] = [{ ...plan.base }];
  const growth = STUDENT_GROWTH[plan.locale];
  for (let i = 1; i < DEMO_YEARS.length; i++) {
    const prev = years[i - 1] ?? plan.base;
    const g = (growth[i - 1] ?? 1) * rng.range(0.985, 1.015);
    // The special school's enrolment follows identification, not demography.
    const rate = plan.row.schoolType === 'special' ? rng.range(1.0, 1.05) : g;
    years.push({
      primary: Math.round(prev.primary * rate),
      junior: Math.round(prev.junior * rate),
      senior: Math.round(prev.senior * rng.range(0.99, 1.02)),
    });
  }
  return years;
}

/** Number of classes of one stage: teaching points run multi-grade classes; small schools keep one per grade. */
function planClasses(plan: SchoolPlan, stage: Stage, students: number, yearIndex: number): number {
  const type = plan.row.schoolType;
  if (type === 'special') return Math.max(1, Math.ceil(students / 10));
  if (type === 'teaching_point') return Math.min(4, Math.max(1, Math.ceil(students / 12)));
  const privateSmaller = plan.row.ownership === 'private' ? 0.88 : 1;
  const meanSize =
    trendAt(CLASS_SIZE[stage][plan.locale], yearIndex, plan.pace) * plan.factor.classSize * privateSmaller;
  const grades = stage === 'primary' ? 6 : 3;
  return Math.max(Math.min(grades, Math.ceil(students / 15)), Math.round(students / meanSize), 1);
}

/** How far the fullest class exceeds the mean: urban schools squeeze extra pupils into some classes. */
function maxClassSpread(plan: SchoolPlan): number {
  const type = plan.row.schoolType;
  if (type === 'special' || type === 'teaching_point' || plan.locale === 'rural') return 2;
  return plan.locale === 'urban' ? 6 + 8 * plan.factor.roundOffset : 3 + 5 * plan.factor.roundOffset;
}

function partStats(plan: SchoolPlan, stage: Stage, students: number, yearIndex: number): PartStats {
  const { locale, factor } = plan;
  const type = plan.row.schoolType;
  const isPrivate = plan.row.ownership === 'private';
  const count = (x: number, cap: number): number => Math.min(cap, Math.max(0, Math.floor(x + factor.roundOffset)));

  const classes = planClasses(plan, stage, students, yearIndex);
  const maxClassSize = Math.min(70, Math.ceil(students / classes + maxClassSpread(plan)));

  let perTeacher = TEACHERS_PER100[stage][locale] * factor.teachers;
  if (type === 'special') perTeacher = 28;
  const minTeachers = type === 'teaching_point' ? 2 : stage === 'junior' ? 9 : 6;
  const teachers = Math.max(minTeachers, Math.round((students * perTeacher) / 100));

  const share = (trend: LocaleTrend, f: number): number =>
    Math.min(1, trendAt(trend[locale], yearIndex, plan.pace) * f);
  const privateBackbone = isPrivate ? 0.35 : 1;
  return {
    classes,
    teachers,
    maxClassSize,
    higherDegree: count(teachers * share(HIGHER_DEGREE_SHARE[stage], factor.higherDegree), teachers),
    backbone: count(teachers * share(BACKBONE_SHARE, factor.backbone * privateBackbone), teachers),
    peArt: count(teachers * share(PE_ART_SHARE, factor.peArt), teachers),
    seniorTitle: count(teachers * share(SENIOR_TITLE_SHARE, factor.seniorTitle * (isPrivate ? 0.6 : 1)), teachers),
  };
}

/** Classes of 56–65 and 66+ consistent with the school's mean and maximum class size. */
function largeClasses(classes: number, meanSize: number, maxClassSize: number): { c56: number; c66: number } {
  if (maxClassSize < 56 || classes === 0) return { c56: 0, c66: 0 };
  const c66 = maxClassSize >= 66 ? Math.min(classes, Math.max(1, Math.round(classes * 0.04))) : 0;
  const share = Math.min(0.7, Math.max(0.05, (meanSize - 46) / 18));
  const c56 = Math.min(classes - c66, Math.max(c66 > 0 ? 0 : 1, Math.round(classes * share)));
  return { c56, c66 };
}

function generateYearStats(
  plan: SchoolPlan,
  yearIndex: number,
  students: Record<Part, number>,
  prev: Stocks | null,
): { stats: SchoolStatRow; stocks: Stocks } {
  const { locale, factor } = plan;
  const type = plan.row.schoolType;
  const isPrivate = plan.row.ownership === 'private';
  const parts = TYPE_PARTS[type];
  const has = (part: Part): boolean => parts.includes(part);
  const p = has('primary') ? partStats(plan, 'primary', students.primary, yearIndex) : null;
  const j = has('junior') ? partStats(plan, 'junior', students.junior, yearIndex) : null;
  const senior = has('senior') ? students.senior : 0;
  // Senior teachers are not reported; senior classes count for music/art rooms and multimedia rooms.
  const seniorClasses = Math.ceil(senior / 50);

  // Physical stocks: per-student target × students, by part, never below last year's stock.
  const target = (kind: keyof typeof ASSET_RATIO, key: QualityIndicatorKey, f: number): number => {
    const ratio =
      trendAt(ASSET_RATIO[kind][locale], yearIndex, plan.pace) * f * (isPrivate ? PRIVATE_ASSET_BONUS[locale] : 1);
    const special = type === 'special' ? 2.5 : 1;
    return (
      special *
      ratio *
      ((p ? students.primary * threshold(key, 'primary') : 0) +
        (j ? students.junior * threshold(key, 'junior') : 0) +
        senior * threshold(key, 'junior') * SENIOR_ASSET_WEIGHT)
    );
  };
  // Secondary libraries hold more books per student than primary ones.
  const bookStudents = students.primary + students.junior * 1.3 + senior * 1.5;
  const classesTotal = (p?.classes ?? 0) + (j?.classes ?? 0) + seniorClasses;
  const equipped = type === 'teaching_point' ? 0.5 : 1;
  const multimediaShare = isPrivate ? 1 : trendAt(MULTIMEDIA_SHARE[locale], yearIndex, plan.pace) * equipped;
  const extraRooms = locale === 'urban' ? factor.multimediaExtra : locale === 'town' ? 2 : 0;
  const roomsNeeded = type === 'teaching_point' ? 0 : Math.ceil(classesTotal / 12);
  const roomShare = trendAt(MUSIC_ART_ROOM_SHARE[locale], yearIndex, plan.pace);

  const stocks: Stocks = {
    teachingRoomArea: Math.max(
      prev?.teachingRoomArea ?? 0,
      Math.round(target('room', 'teaching_room_area_per_student', factor.room)),
    ),
    sportsArea: Math.max(prev?.sportsArea ?? 0, Math.round(target('sports', 'sports_area_per_student', factor.sports))),
    equipmentValue: Math.max(
      prev?.equipmentValue ?? 0,
      Math.round(target('equipment', 'equipment_value_per_student', factor.equipment) / 100) * 100,
    ),
    books: Math.max(
      prev?.books ?? 0,
      Math.round(bookStudents * trendAt(BOOKS_PER_STUDENT[locale], yearIndex, plan.pace) * factor.books),
    ),
    multimediaRooms: Math.max(
      prev?.multimediaRooms ?? 0,
      Math.floor(classesTotal * multimediaShare + extraRooms + factor.roundOffset),
    ),
    musicRooms: Math.max(prev?.musicRooms ?? 0, Math.round(roomsNeeded * roomShare)),
    artRooms: Math.max(prev?.artRooms ?? 0, Math.floor(roomsNeeded * roomShare)),
  };

  const teachersPrimary = p?.teachers ?? 0;
  const teachersJunior = j?.teachers ?? 0;
  const compulsoryTeachers = teachersPrimary + teachersJunior;
  const totalStudents = (p ? students.primary : 0) + (j ? students.junior : 0) + senior;
  const maxClassSize = Math.max(p?.maxClassSize ?? 0, j?.maxClassSize ?? 0);
  const largeP = p ? largeClasses(p.classes, students.primary / p.classes, p.maxClassSize) : { c56: 0, c66: 0 };
  const largeJ = j ? largeClasses(j.classes, students.junior / j.classes, j.maxClassSize) : { c56: 0, c66: 0 };

  const stats: SchoolStatRow = {
    year: DEMO_YEARS[yearIndex] ?? DEMO_YEARS[0],
    schoolCode: plan.row.schoolCode,
    studentsPrimary: p ? students.primary : 0,
    studentsJunior: j ? students.junior : 0,
    studentsSenior: senior,
    classesPrimary: p?.classes ?? 0,
    classesJunior: j?.classes ?? 0,
    teachersPrimary,
    teachersJunior,
    higherDegreeTeachersPrimary: p?.higherDegree ?? 0,
    higherDegreeTeachersJunior: j?.higherDegree ?? 0,
    backboneTeachersPrimary: p?.backbone ?? 0,
    backboneTeachersJunior: j?.backbone ?? 0,
    peArtTeachersPrimary: p?.peArt ?? 0,
    peArtTeachersJunior: j?.peArt ?? 0,
    seniorTitleTeachersPrimary: p?.seniorTitle ?? 0,
    seniorTitleTeachersJunior: j?.seniorTitle ?? 0,
    certifiedTeachers: Math.min(
      compulsoryTeachers,
      Math.round(compulsoryTeachers * trendAt(CERTIFIED_SHARE[plan.row.ownership], yearIndex, plan.pace)),
    ),
    rotationEligibleTeachers: Math.round(compulsoryTeachers * factor.eligible),
    teachingRoomArea: stocks.teachingRoomArea,
    sportsArea: stocks.sportsArea,
    equipmentValue: stocks.equipmentValue,
    multimediaRooms: stocks.multimediaRooms,
    computers: Math.round(
      (totalStudents * trendAt(COMPUTERS_PER100[locale], yearIndex, plan.pace) * factor.computers) / 100 +
        (type === 'special' ? 20 : 0),
    ),
    books: stocks.books,
    musicRooms: stocks.musicRooms,
    artRooms: stocks.artRooms,
    maxClassSize,
    classes56To65: largeP.c56 + largeJ.c56,
    classes66Plus: largeP.c66 + largeJ.c66,
    // Per-stage class size (a stage the school does not have is left unknown, as an analyst leaves it blank).
    maxClassSizePrimary: p?.maxClassSize ?? null,
    classes56To65Primary: p ? largeP.c56 : null,
    classes66PlusPrimary: p ? largeP.c66 : null,
    maxClassSizeJunior: j?.maxClassSize ?? null,
    classes56To65Junior: j ? largeJ.c56 : null,
    classes66PlusJunior: j ? largeJ.c66 : null,
  };
  return { stats, stocks };
}

// ---------------------------------------------------------------------------------------------------------------
// Rotations
// ---------------------------------------------------------------------------------------------------------------

function generateRotations(plans: readonly SchoolPlan[], stats: readonly SchoolStatRow[], rng: Rng): RotationRow[] {
  const districtCode = plans[0]?.row.districtCode ?? DEMO_DISTRICT.code;
  const rotations: RotationRow[] = [];
  const byCode = new Map(plans.map((plan) => [plan.row.schoolCode, plan]));
  // The special school neither sends nor receives; teaching points only receive (two or three teachers each).
  const canRotate = (plan: SchoolPlan): boolean => plan.row.schoolType !== 'special';
  let serial = 0;

  DEMO_YEARS.forEach((year, yearIndex) => {
    const yearStats = stats.filter((s) => s.year === year && byCode.has(s.schoolCode));
    const eligibleTotal = yearStats.reduce((sum, s) => sum + s.rotationEligibleTeachers, 0);
    const n = Math.round(eligibleTotal * (ROTATION_RATIO[yearIndex] ?? 0.1));
    const k = Math.round(n * (ROTATION_BACKBONE_SHARE[yearIndex] ?? 0.2));
    const senders = yearStats
      .filter((s) => {
        const plan = byCode.get(s.schoolCode);
        return plan !== undefined && canRotate(plan) && plan.row.schoolType !== 'teaching_point';
      })
      .map((s) => ({
        stats: s,
        plan: byCode.get(s.schoolCode) as SchoolPlan,
        left: s.rotationEligibleTeachers,
        backboneLeft: s.backboneTeachersPrimary + s.backboneTeachersJunior,
      }));
    const receivers = yearStats.filter((s) => {
      const plan = byCode.get(s.schoolCode);
      return plan !== undefined && canRotate(plan);
    });

    // Backbone teachers are placed first, while senders still have backbone teachers; rows are shuffled below.
    const yearRows: Omit<RotationRow, 'teacherRef'>[] = [];
    for (let i = 0; i < n; i++) {
      const backbone = i < k;
      const sender = pickWeighted(
        rng,
        senders.filter((s) => s.left > 0 && (!backbone || s.backboneLeft > 0)),
        (s) => s.left * ROTATION_FROM_WEIGHT[s.plan.locale],
      );
      if (!sender) break;
      sender.left--;
      if (backbone) sender.backboneLeft--;

      const stage: Stage =
        rng.next() * (sender.stats.teachersPrimary + sender.stats.teachersJunior) < sender.stats.teachersPrimary
          ? 'primary'
          : 'junior';
      const share = ROTATION_TO_SHARE[sender.plan.locale];
      const toLocale = pickWeighted(rng, ['urban', 'town', 'rural'] as const, (l) => share[l]) ?? 'rural';
      const teachersOf = (s: SchoolStatRow): number => (stage === 'primary' ? s.teachersPrimary : s.teachersJunior);
      const candidates = receivers.filter((s) => s.schoolCode !== sender.stats.schoolCode && teachersOf(s) > 0);
      const sameLocale = candidates.filter((s) => byCode.get(s.schoolCode)?.locale === toLocale);
      const receiver = pickWeighted(rng, sameLocale.length > 0 ? sameLocale : candidates, (s) =>
        Math.sqrt(teachersOf(s)),
      );
      if (!receiver) continue;

      const r = rng.next();
      let acc = 0;
      let months: number = ROTATION_MONTHS[0][0];
      for (const [m, w] of ROTATION_MONTHS) {
        acc += w;
        if (r < acc) {
          months = m;
          break;
        }
      }
      yearRows.push({
        year,
        fromSchoolCode: sender.stats.schoolCode,
        toSchoolCode: receiver.schoolCode,
        backbone,
        months,
      });
    }
    for (let i = yearRows.length - 1; i > 0; i--) {
      const swap = Math.floor(rng.next() * (i + 1));
      [yearRows[i], yearRows[swap]] = [
        yearRows[swap] as (typeof yearRows)[number],
        yearRows[i] as (typeof yearRows)[number],
      ];
    }
    for (const row of yearRows) {
      serial++;
      const teacherRef = `T${districtCode}${String(serial).padStart(4, '0')}`;
      const { fromSchoolCode, toSchoolCode, backbone, months } = row;
      rotations.push({ year, teacherRef, fromSchoolCode, toSchoolCode, backbone, months });
    }
  });
  return rotations;
}

// ---------------------------------------------------------------------------------------------------------------

export function generateDemoCounty(options: DemoCountyOptions = {}): DemoCounty {
  const rng = createRng(options.seed ?? DEMO_DEFAULT_SEED);
  const peer = options.peer;
  const county: CountyPlan = peer
    ? {
        code: peer.code,
        name: peer.name,
        cityName: peer.cityName,
        enrolmentScale: peer.enrolmentScale,
        pace: peer.pace,
        schoolCodeBase: peer.schoolCodeBase,
      }
    : DEMO_COUNTY_PLAN;
  const plans = planSchools(planTownships(peer), rng, county);

  const stats: SchoolStatRow[] = [];
  for (const plan of plans) {
    const enrolment = projectEnrolment(plan, rng);
    let stocks: Stocks | null = null;
    enrolment.forEach((students, yearIndex) => {
      const result = generateYearStats(plan, yearIndex, students, stocks);
      stocks = result.stocks;
      stats.push(result.stats);
    });
  }
  // Year-major order, as a year's 基础基 tables are delivered.
  const order = new Map(plans.map((plan, i) => [plan.row.schoolCode, i]));
  stats.sort((a, b) => a.year - b.year || (order.get(a.schoolCode) ?? 0) - (order.get(b.schoolCode) ?? 0));

  return {
    district: { code: county.code, name: county.name },
    schools: plans.map((plan) => plan.row),
    stats,
    rotations: generateRotations(plans, stats, rng),
    schoolEvents: peer ? [] : demoSchoolEvents(plans.map((plan) => plan.row)),
  };
}

/**
 * Issue #13: one recorded change of school identity in the demo county, so that the trends and the profile show one.
 * 柳溪 became a 镇 in 2022 and its central primary school was renamed from 柳溪乡中心小学: same school (same 学校标识码),
 * same statistics; only the name of the years before 2022 differs. (A merge would change the statistics of the years
 * after it, which the demo's tested figures rely on: it is shown by the import tests instead.)
 */
function demoSchoolEvents(schools: readonly SchoolRow[]): SchoolEventRow[] {
  const liuxi = schools.find((s) => s.schoolName === '柳溪镇中心小学');
  if (!liuxi) return [];
  return [
    {
      schoolCode: liuxi.schoolCode,
      year: 2022,
      kind: 'renamed',
      oldValue: '柳溪乡中心小学',
      newValue: liuxi.schoolName,
      targetSchoolCode: null,
    },
  ];
}

/**
 * The demo city's other counties (澄州市, fictional like 澄川县): smaller or larger, more urban or more rural, faster or
 * slower in their 优质均衡 push, so that the county comparison has something to compare. 澄川县 is not among them
 * and stays exactly as generateDemoCounty() makes it.
 */
export const DEMO_PEERS: readonly (DemoPeer & { seed: number })[] = [
  {
    code: '330991',
    name: '澄江区',
    cityName: DEMO_CITY.name,
    townships: ['001', '002', '003', '004', '101', '102'],
    townshipNames: ['江东街道', '江西街道', '江南街道', '江北街道', '望江镇', '新港镇'],
    enrolmentScale: 1.1,
    villageScale: 0.5,
    pace: 1.8,
    schoolCodeBase: 100_101,
    seed: 20_190_911,
  },
  {
    code: '330992',
    name: '云岭县',
    cityName: DEMO_CITY.name,
    townships: ['001', '101', '103', '201', '202', '203'],
    townshipNames: ['云城街道', '岭口镇', '高坪镇', '云雾乡', '竹林乡', '茶山乡'],
    enrolmentScale: 0.7,
    villageScale: 0.4,
    pace: 0.45,
    schoolCodeBase: 200_101,
    seed: 20_190_921,
  },
  {
    code: '330993',
    name: '宁溪县',
    cityName: DEMO_CITY.name,
    townships: ['001', '002', '101', '102', '104', '201'],
    townshipNames: ['宁城街道', '溪南街道', '上宁镇', '下宁镇', '沙湾镇', '梅岭乡'],
    enrolmentScale: 0.85,
    villageScale: 0.4,
    pace: 1.5,
    schoolCodeBase: 300_101,
    seed: 20_190_931,
  },
  {
    code: '330994',
    name: '梅山县',
    cityName: DEMO_CITY.name,
    townships: ['001', '101', '105', '202', '203'],
    townshipNames: ['梅城街道', '东梅镇', '西岭镇', '山口乡', '石桥乡'],
    enrolmentScale: 0.6,
    villageScale: 0.4,
    pace: 0.25,
    schoolCodeBase: 400_101,
    seed: 20_190_941,
  },
];

/** The peer counties of the demo city, each from the same generator with its own seed, size and urban share. */
export function generateDemoPeers(): DemoCounty[] {
  return DEMO_PEERS.map(({ seed, ...peer }) => generateDemoCounty({ seed, peer }));
}
