import {
  type BalanceResponse,
  BalanceResponseSchema,
  type BasicBalanceResponse,
  BasicBalanceResponseSchema,
  type MeResponse,
  MeResponseSchema,
  QUALITY_INDICATORS,
  type QualityIndicatorKey,
  type RankingResponse,
  RankingResponseSchema,
  type Role,
} from '@junheng/shared';

/**
 * Report fixtures for tests, parsed through the shared response schemas so they cannot drift from the API contract.
 * Values are small and hand-picked; each test overrides what it is about.
 */
const context = {
  district: { code: '330999', name: '澄川县' },
  year: 2025,
  years: [2024, 2025],
  accessScope: { restricted: false, townships: [] },
  filters: { townships: [], locales: [], groups: [], includePrivate: true },
};

const allMet = Object.fromEntries(QUALITY_INDICATORS.map((d) => [d.key, true])) as Record<QualityIndicatorKey, boolean>;
const values = Object.fromEntries(QUALITY_INDICATORS.map((d) => [d.key, d.threshold.primary * 1.2])) as Record<
  QualityIndicatorKey,
  number
>;

export function qualityIndicatorFixture(
  key: QualityIndicatorKey,
  overrides: Partial<BalanceResponse['indicators'][number]> = {},
) {
  const definition = QUALITY_INDICATORS.find((d) => d.key === key);
  if (!definition) throw new Error(key);
  return {
    key,
    zh: definition.zh,
    threshold: definition.threshold.primary,
    cvLimit: 0.5,
    n: 3,
    mean: definition.threshold.primary * 1.2,
    sd: definition.threshold.primary * 0.3,
    cv: 0.25,
    cvPasses: true,
    cvNullReason: null,
    schoolsMeeting: 3,
    schoolsMissing: 0,
    min: definition.threshold.primary,
    max: definition.threshold.primary * 1.5,
    ...overrides,
  };
}

export function schoolFixture(
  code: string,
  name: string,
  overrides: Partial<BalanceResponse['schools'][number]> = {},
): BalanceResponse['schools'][number] {
  return {
    code,
    name,
    townshipCode: '330999001',
    townshipName: '城东街道',
    urbanRuralCode: '111',
    locale: 'urban',
    groupName: null,
    ownership: 'public',
    schoolType: 'primary',
    stage: 'primary',
    students: 500,
    values: { ...values },
    met: { ...allMet },
    metCount: 7,
    missed: [],
    missedRatio: null,
    passes: true,
    ...overrides,
  };
}

export function balanceFixture(overrides: Partial<BalanceResponse> = {}): BalanceResponse {
  const schools = overrides.schools ?? [
    schoolFixture('S1', '甲小学'),
    schoolFixture('S2', '乙小学', {
      townshipCode: '330999101',
      townshipName: '青石镇',
      locale: 'town',
      groupName: '青石学区',
    }),
  ];
  return BalanceResponseSchema.parse({
    ...context,
    regime: 'quality_2017',
    stage: 'primary',
    cvLimit: 0.5,
    schoolsCounted: schools.length,
    studentsCounted: schools.reduce((sum, s) => sum + s.students, 0),
    studentsTotal: schools.reduce((sum, s) => sum + s.students, 0),
    excluded: [],
    indicators: QUALITY_INDICATORS.map((d) => qualityIndicatorFixture(d.key)),
    schools,
    compositeCv: { value: 0.25, informational: true },
    verdict: {
      passes: true,
      cvPasses: true,
      blockingIndicators: [],
      schoolsPass: true,
      schoolsPassing: schools.length,
      failingSchools: [],
    },
    ...overrides,
  });
}

export function basicBalanceFixture(overrides: Partial<BasicBalanceResponse> = {}): BasicBalanceResponse {
  return BasicBalanceResponseSchema.parse({
    ...context,
    regime: 'basic_2012',
    stage: 'primary',
    schoolsCounted: 2,
    studentsCounted: 1000,
    excluded: [],
    indicators: [
      {
        key: 'teaching_room_area_per_student',
        zh: '生均教学及辅助用房面积',
        unitZh: '平方米/生',
        unitEn: 'm² per student',
        cvNullReason: null,
        n: 2,
        mean: 6,
        sd: 1.2,
        cv: 0.2,
        min: 5,
        max: 7,
      },
      {
        key: 'books_per_student',
        zh: '生均图书册数',
        unitZh: '册/生',
        unitEn: 'books per student',
        cvNullReason: null,
        n: 2,
        mean: 30,
        sd: 12,
        cv: 0.4,
        min: 20,
        max: 40,
      },
    ],
    compositeCv: 0.3,
    compositeLimit: 0.65,
    compositePasses: true,
    compositeNullReason: null,
    schools: [],
    ...overrides,
  });
}

export function rankingRowFixture(
  rank: number,
  value: number | null,
  overrides: Partial<RankingResponse['rows'][number]> = {},
): RankingResponse['rows'][number] {
  return {
    rank,
    code: `R${rank}`,
    name: `学校${rank}`,
    township: '城东街道',
    townshipCode: '330999001',
    locale: 'urban',
    students: 300,
    value,
    threshold: 7.5,
    meets: value === null ? null : value >= 7.5,
    relativeToMean: value === null ? null : value / 9,
    ...overrides,
  };
}

export function rankingFixture(overrides: Partial<RankingResponse> = {}): RankingResponse {
  return RankingResponseSchema.parse({
    ...context,
    stage: 'primary',
    indicator: 'sports_area_per_student',
    mean: 9,
    threshold: 7.5,
    cv: 0.3,
    rows: [rankingRowFixture(1, 12), rankingRowFixture(2, 8), rankingRowFixture(3, 6)],
    ...overrides,
  });
}

/** The signed-in user of `GET /auth/me`; a viewer gets one township unless told otherwise. */
export function meFixture(
  role: Role,
  townships: { code: string; name: string }[] | null = role === 'viewer'
    ? [{ code: '330999101', name: '青石镇' }]
    : null,
): MeResponse {
  return MeResponseSchema.parse({
    user: {
      id: role === 'admin' ? 1 : 2,
      username: role,
      role,
      districtCodes: null,
      townships,
      disabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastLoginAt: '2026-01-05T02:00:00.000Z',
      lockedUntil: null,
    },
    csrfToken: 'csrf-test-token',
    via: 'session',
    sessionExpiresAt: '2026-01-05T14:00:00.000Z',
  });
}
