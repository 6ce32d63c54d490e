import type {
  BalanceResponse,
  DistanceToPassResponse,
  ScorecardItem,
  StageUnit,
  StageUnitsResult,
} from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeDistanceToPass, computeQualityReport } from '../engine/index.ts';
import { makeCompliantPrimaryUnit } from '../engine/test-fixtures.ts';
import { quoteFontsForSvg } from './render-chart.ts';
import { columnWidths } from './self-evaluation.document.ts';
import { selectPulledIndicators } from './self-evaluation.service.ts';
import {
  buildMeasureTable,
  cvText,
  describeBasics,
  describeCvPuller,
  describeMeasures,
  describeResourceStage,
  describeScorecardArea,
  formatAmount,
  rotationGaps,
  scorecardValueText,
} from './self-evaluation.text.ts';

/** Two compliant schools and one with half the sports ground: the engine's own report, as the service passes it. */
const units = [
  makeCompliantPrimaryUnit('A', 100),
  makeCompliantPrimaryUnit('B', 100),
  { ...makeCompliantPrimaryUnit('C', 100), name: '青石镇中心小学', sportsArea: 100, equipmentValue: 50_000 },
];
function asStageUnits(list: StageUnit[]): StageUnitsResult {
  const empty = { students: 0, countedStudents: 0, excludedStudents: 0, units: 0, excludedUnits: 0 };
  return { units: list, excluded: [], totals: { primary: empty, junior: empty }, schoolsWithoutStats: [] };
}
const stageUnits = asStageUnits(units);
/** The engine's report of the stage; the report context fields are not read by the text builders. */
const balance = computeQualityReport(stageUnits, 'primary') as BalanceResponse;

function item(overrides: Partial<ScorecardItem> & Pick<ScorecardItem, 'key'>): ScorecardItem {
  return {
    area: 'guarantee',
    zh: overrides.key,
    en: overrides.key,
    stage: null,
    source: 'entered',
    view: 'county_inputs',
    kind: 'ratio',
    value: null,
    tally: null,
    requirementZh: '≥ 95%',
    requirementEn: '≥ 95%',
    status: 'not_entered',
    detailZh: null,
    detailEn: null,
    schools: [],
    note: null,
    enteredBy: null,
    enteredAt: null,
    ...overrides,
  };
}

describe(describeBasics.name, () => {
  it('should state schools, townships, the urban–rural split and per stage schools, students and teachers', () => {
    const sut = describeBasics(
      '澄川县',
      {
        schools: 87,
        townships: 12,
        locales: [
          { locale: 'urban', schools: 20, students: 30_000 },
          { locale: 'town', schools: 0, students: 0 },
          { locale: 'rural', schools: 50, students: 9_000 },
        ],
      },
      [{ stage: 'primary', teachers: 1_869, balance: { ...balance, schoolsCounted: 75, studentsCounted: 31_317 } }],
      'zh',
    );
    expect(sut[0]).toBe(
      '澄川县计入本次评估的义务教育学校共87所（九年一贯制、十二年一贯制学校按一所计），分布在12个乡镇（街道）；其中城区学校20所、乡村学校50所。',
    );
    expect(sut[1]).toBe('小学阶段计入学校75所，在校生31,317人，专任教师1,869人。');
  });

  it('should say in English the same figures', () => {
    const sut = describeBasics(
      'Chengchuan',
      { schools: 3, townships: 1, locales: [{ locale: 'urban', schools: 3, students: 300 }] },
      [{ stage: 'primary', teachers: 18, balance }],
      'en',
    );
    expect(sut[1]).toBe('Primary: 3 schools counted with 300 students and 18 full-time teachers.');
  });
});

describe(describeResourceStage.name, () => {
  it('should name each CV over the limit with the screen decimals and count the schools passing', () => {
    const sports = balance.indicators.find((i) => i.key === 'sports_area_per_student');
    if (!sports) throw new Error('no sports indicator');
    expect(sports.cvPasses).toBe(false);
    const [cvs, schools] = describeResourceStage({ stage: 'primary', balance }, 'zh');
    const over = balance.indicators.filter((i) => i.cvPasses === false);
    expect(cvs).toContain(`${7 - over.length} 项校际差异系数不超过 0.50，${over.length} 项超过限值`);
    expect(cvs).toContain(`生均体育运动场馆面积（${cvText(sports, 'zh')}）`);
    expect(schools).toBe(
      `计入的 3 所学校中，${balance.verdict.schoolsPassing} 所达到资源配置要求（7 项指标至少 6 项达到国家标准，其余 1 项不低于标准的 85%），${3 - balance.verdict.schoolsPassing} 所未达到。`,
    );
  });

  it('should say all seven are within the limit when they are', () => {
    const even = computeQualityReport(
      asStageUnits([makeCompliantPrimaryUnit('A'), makeCompliantPrimaryUnit('B', 200)]),
      'primary',
    ) as unknown as BalanceResponse;
    expect(describeResourceStage({ stage: 'primary', balance: even }, 'zh')[0]).toBe(
      '小学阶段 7 项指标校际差异系数均不超过 0.50，达到要求。',
    );
  });

  it('should give no verdict for one school and say so for none', () => {
    const one = computeQualityReport(asStageUnits([makeCompliantPrimaryUnit('A')]), 'primary');
    expect(describeResourceStage({ stage: 'primary', balance: one as BalanceResponse }, 'zh')[0]).toContain(
      '计入学校不足 2 所，差异系数无意义，不作判断',
    );
    const none = { ...balance, schoolsCounted: 0 };
    expect(describeResourceStage({ stage: 'junior', balance: none }, 'zh')).toEqual(['初中阶段没有计入的学校。']);
  });
});

describe(cvText.name, () => {
  it('should keep the decimals that tell a failing CV from its limit, and say why a CV is missing', () => {
    expect(cvText({ cv: 0.5004, cvLimit: 0.5, cvNullReason: null }, 'zh')).toBe('0.5004');
    expect(cvText({ cv: 0.3651, cvLimit: 0.5, cvNullReason: null }, 'zh')).toBe('0.365');
    expect(cvText({ cv: null, cvLimit: 0.5, cvNullReason: 'too_few_units' }, 'zh')).toBe('无意义（少于 2 所学校）');
    expect(cvText({ cv: null, cvLimit: 0.5, cvNullReason: 'not_computable' }, 'en')).toBe('not computable');
  });
});

describe(describeScorecardArea.name, () => {
  const items = [
    item({
      key: '班额',
      kind: 'ratio',
      value: 0.657,
      status: 'fail',
      requirementZh: '100%',
      detailZh: '34 所学校超班额',
    }),
    item({ key: '持证上岗率', kind: 'ratio', value: 1, status: 'pass' }),
    item({ key: '县级统筹', kind: 'boolean', value: null, status: 'not_entered' }),
    item({ key: '巩固率', area: 'quality', value: 0.99, status: 'pass' }),
  ];

  it('should count met, not met and not entered, list the failures with value and requirement, and the missing', () => {
    expect(describeScorecardArea(items, 'guarantee', 'zh')).toEqual([
      '政府保障程度共 3 项：达标 1 项，未达标 1 项，未填报 1 项。',
      '未达标的项目：班额（65.7%，要求100%；34 所学校超班额）。',
      '以下项目尚未在县级填报中录入，本报告不作达标判断：县级统筹。',
    ]);
  });

  it('should not list failures or missing items an area does not have', () => {
    expect(describeScorecardArea(items, 'quality', 'en')).toEqual([
      'Education quality: 1 items, 1 met, 0 not met, 0 not entered.',
    ]);
  });
});

describe(scorecardValueText.name, () => {
  it('should show ratios as percentages, yes/no, numbers, and 未填报 for what was not entered', () => {
    expect(scorecardValueText({ kind: 'ratio', value: 0.995, status: 'pass' }, 'zh')).toBe('99.5%');
    expect(scorecardValueText({ kind: 'boolean', value: false, status: 'fail' }, 'zh')).toBe('否');
    expect(scorecardValueText({ kind: 'number', value: 1234, status: 'pass' }, 'en')).toBe('1,234');
    expect(scorecardValueText({ kind: 'ratio', value: null, status: 'not_entered' }, 'zh')).toBe('未填报');
  });
});

describe(rotationGaps.name, () => {
  const limits = { ratioLimit: 0.1, backboneShareLimit: 0.2 };

  it('should count the teachers short of 10% of the eligible and the backbone short of 20% of those rotated', () => {
    // 10% of 1,026 = 102.6 → 103 teachers; already 139. 20% of 139 = 27.8 → 28 backbone; already 38.
    expect(rotationGaps({ ...limits, eligible: 1026, rotated: 139, backboneRotated: 38 })).toEqual({
      teachers: 0,
      backbone: 0,
    });
    // 10% of 100 = 10: 2 short; then 20% of 10 = 2 backbone: 1 short.
    expect(rotationGaps({ ...limits, eligible: 100, rotated: 8, backboneRotated: 1 })).toEqual({
      teachers: 2,
      backbone: 1,
    });
  });

  it('should ask for nothing when nobody is eligible', () => {
    expect(rotationGaps({ ...limits, eligible: 0, rotated: 0, backboneRotated: 0 })).toEqual({
      teachers: 0,
      backbone: 0,
    });
  });
});

describe(selectPulledIndicators.name, () => {
  it('should take every CV over its limit', () => {
    expect(selectPulledIndicators(balance.indicators).map((i) => i.key)).toEqual(
      balance.indicators.filter((i) => i.cvPasses === false).map((i) => i.key),
    );
  });

  it('should take the CV closest to its limit when none is over it, and none when none is computed', () => {
    const within = balance.indicators.map((i) => ({
      ...i,
      cvPasses: true,
      cv: i.key === 'multimedia_rooms_per100' ? 0.4 : 0.1,
    }));
    expect(selectPulledIndicators(within).map((i) => i.key)).toEqual(['multimedia_rooms_per100']);
    expect(selectPulledIndicators(balance.indicators.map((i) => ({ ...i, cv: null, cvPasses: null })))).toEqual([]);
  });
});

describe(describeCvPuller.name, () => {
  const puller = {
    key: 'sports_area_per_student' as const,
    cv: 0.62,
    mean: 5.5,
    schools: [{ label: '青石镇中心小学', value: 1, share: 0.75 }],
  };

  it('should name the schools behind a CV over the limit, below or above the mean, with their share of CV²', () => {
    expect(describeCvPuller({ ...puller, overLimit: true }, 'primary', 0.5, 'zh')).toBe(
      '小学生均体育运动场馆面积校际差异系数为 0.620，超过限值 0.50；拉大差异的主要学校为：青石镇中心小学（1.00 平方米，低于全县平均，占差异系数平方的 75.0%）。',
    );
  });

  it('should say a CV within the limit is the closest to it', () => {
    expect(describeCvPuller({ ...puller, cv: 0.365, overLimit: false }, 'primary', 0.5, 'zh')).toContain(
      '小学各项差异系数均未超过限值，其中生均体育运动场馆面积差异系数最接近限值（0.365，限值 0.50）',
    );
  });
});

describe(formatAmount.name, () => {
  it('should give money in 万元, areas in square metres and counts in their unit', () => {
    expect(formatAmount(123_456, 'yuan', 'zh')).toBe('12.35 万元');
    expect(formatAmount(216, 'square_metres', 'zh')).toBe('216 平方米');
    expect(formatAmount(132.5, 'square_metres', 'en')).toBe('132.5 m²');
    expect(formatAmount(5, 'teachers', 'zh')).toBe('5 人');
  });
});

describe(describeMeasures.name, () => {
  const distance = {
    ...computeDistanceToPass(stageUnits, 'primary'),
    cvPlans: [],
  } as unknown as DistanceToPassResponse;

  it('should total what the schools short of the standards must add, in their units', () => {
    const [sentence] = describeMeasures({ stage: 'primary', distance }, 'zh');
    expect(sentence).toContain('小学阶段 1 所学校共');
    expect(sentence).toContain(`体育运动场馆 ${formatAmount(distance.totals.sportsAreaM2, 'square_metres', 'zh')}`);
    expect(sentence).toContain(`教学仪器设备 ${formatAmount(distance.totals.equipmentYuan, 'yuan', 'zh')}`);
    expect(distance.totals.sportsAreaM2).toBe(650);
  });

  it('should say nothing is to add when every school meets every standard', () => {
    const none = { ...distance, rows: [], totals: { ...distance.totals, sportsAreaM2: 0, equipmentYuan: 0 } };
    expect(describeMeasures({ stage: 'primary', distance: none as DistanceToPassResponse }, 'zh')).toEqual([
      '小学阶段各校 7 项指标均已达到国家标准，无需补充。',
    ]);
  });

  it('should list per school what to add', () => {
    expect(buildMeasureTable(distance, 'zh').rows).toEqual([
      ['青石镇中心小学', '一镇', `体育场馆 650 平方米、仪器设备值 ${formatAmount(150_000, 'yuan', 'zh')}`],
    ]);
  });
});

describe(quoteFontsForSvg.name, () => {
  it('should single-quote font families everywhere, keep functions, and leave the option as it was', () => {
    const formatter = () => 'x';
    const option = { textStyle: { fontFamily: '"PingFang SC", sans-serif' }, series: [{ label: { formatter } }] };
    const sut = quoteFontsForSvg(option);
    expect(sut.textStyle.fontFamily).toBe("'PingFang SC', sans-serif");
    expect(sut.series[0]?.label.formatter).toBe(formatter);
    expect(option.textStyle.fontFamily).toBe('"PingFang SC", sans-serif');
  });
});

describe(columnWidths.name, () => {
  it('should give long school names more room than yes/no and keep the total', () => {
    const sut = columnWidths({ header: ['学校名称', '是否达标'], rows: [['城东街道第一小学附属分校', '是']] }, 9000);
    expect(sut[0]).toBeGreaterThan(sut[1] ?? 0);
    expect((sut[0] ?? 0) + (sut[1] ?? 0)).toBeLessThanOrEqual(9000);
  });
});
