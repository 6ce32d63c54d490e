import {
  LOCALE_LABELS,
  type QualityIndicatorResult,
  type ResourceUnit,
  SCORECARD_AREA_LABELS,
  type ScorecardArea,
  type ScorecardItem,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';
import type { Lang } from '@junheng/shared/charts/chart-messages.ts';
import {
  formatCv,
  formatCvAgainst,
  formatIndicator,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
} from '@junheng/shared/charts/format.ts';
import { indicatorName, indicatorShortName } from '@junheng/shared/charts/indicators.ts';
import type { CountyProfile, CvPuller, SelfEvaluationData, StageEvaluation } from './self-evaluation.service.ts';

/**
 * The 自评报告's sentences, written from the numbers only (pure: no database, no clock). Every figure is formatted
 * with the screen's formatters (CVs with the decimals that keep them apart from their limit, indicator values with
 * their fixed decimals, money in 万元), so the document and the dashboard show the same text for the same number.
 */

/** Picks the sentence of the report's language. */
const pick = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
/** Chinese enumerations use 、, English ones commas. */
const list = (lang: Lang, items: readonly string[]) => items.join(lang === 'zh' ? '、' : ', ');
const stageName = (stage: Stage, lang: Lang) => (lang === 'zh' ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en);

export const SECTION_TITLES = {
  basics: { zh: '一、基本情况', en: '1. Overview of the county' },
  resource: { zh: '二、资源配置', en: '2. Resource allocation' },
  guarantee: { zh: '三、政府保障程度', en: '3. Government guarantee' },
  quality: { zh: '四、教育质量', en: '4. Education quality' },
  recognition: { zh: '五、社会认可度', en: '5. Social recognition' },
  problems: { zh: '六、存在的问题', en: '6. Problems found' },
  measures: { zh: '七、整改措施与测算', en: '7. Remedial measures and estimates' },
  appendix: { zh: '八、附表', en: '8. Appendix tables' },
} as const;

/** 基本情况: schools, townships, 城乡 split, and per stage the counted schools, students and teachers. */
export function describeBasics(
  county: string,
  profile: CountyProfile,
  stages: readonly Pick<StageEvaluation, 'stage' | 'teachers' | 'balance'>[],
  lang: Lang,
): string[] {
  const locales = profile.locales.filter((l) => l.schools > 0);
  const localeText = list(
    lang,
    locales.map((l) =>
      pick(
        lang,
        `${LOCALE_LABELS[l.locale].zh}学校${formatInteger(l.schools)}所`,
        `${formatInteger(l.schools)} ${LOCALE_LABELS[l.locale].en.toLowerCase()}`,
      ),
    ),
  );
  const paragraphs = [
    pick(
      lang,
      `${county}计入本次评估的义务教育学校共${formatInteger(profile.schools)}所（九年一贯制、十二年一贯制学校按一所计），分布在${formatInteger(profile.townships)}个乡镇（街道）；其中${localeText}。`,
      `${county} has ${formatInteger(profile.schools)} compulsory-education schools counted in this evaluation (a nine- or twelve-year school counts once) in ${formatInteger(profile.townships)} townships: ${localeText}.`,
    ),
  ];
  for (const { stage, teachers, balance } of stages) {
    const excluded = balance.excluded.length;
    paragraphs.push(
      pick(
        lang,
        `${stageName(stage, lang)}阶段计入学校${formatInteger(balance.schoolsCounted)}所，在校生${formatInteger(balance.studentsCounted)}人，专任教师${formatInteger(teachers)}人${excluded > 0 ? `；另有${formatInteger(excluded)}个学校（教学点）按规定不计入差异系数` : ''}。`,
        `${stageName(stage, lang)}: ${formatInteger(balance.schoolsCounted)} schools counted with ${formatInteger(balance.studentsCounted)} students and ${formatInteger(teachers)} full-time teachers${excluded > 0 ? `; ${formatInteger(excluded)} units are not counted in the CVs under the method` : ''}.`,
      ),
    );
  }
  return paragraphs;
}

/** One indicator's CV against the limit, as the screen shows it ("0.512" or "差异系数无意义"). */
export function cvText(indicator: Pick<QualityIndicatorResult, 'cv' | 'cvLimit' | 'cvNullReason'>, lang: Lang): string {
  if (indicator.cv !== null) return formatCvAgainst(indicator.cv, indicator.cvLimit);
  return indicator.cvNullReason === 'too_few_units'
    ? pick(lang, '无意义（少于 2 所学校）', 'not meaningful (fewer than 2 schools)')
    : pick(lang, '无法计算', 'not computable');
}

/** 资源配置 of one stage: how many of the 7 CVs are within the limit, which are over it, and how many schools pass. */
export function describeResourceStage(evaluation: Pick<StageEvaluation, 'stage' | 'balance'>, lang: Lang): string[] {
  const { stage, balance } = evaluation;
  const stageLabel = stageName(stage, lang);
  if (balance.schoolsCounted === 0) {
    return [pick(lang, `${stageLabel}阶段没有计入的学校。`, `${stageLabel}: no schools counted.`)];
  }
  const within = balance.indicators.filter((i) => i.cvPasses === true);
  const over = balance.indicators.filter((i) => i.cvPasses === false);
  const limit = formatCv(balance.cvLimit, 2);
  const overText = list(
    lang,
    over.map((i) =>
      pick(
        lang,
        `${indicatorName(i.key, lang)}（${cvText(i, lang)}）`,
        `${indicatorName(i.key, lang)} (${cvText(i, lang)})`,
      ),
    ),
  );
  const cvSentence =
    balance.verdict.passes === null
      ? pick(
          lang,
          `${stageLabel}阶段计入学校不足 2 所，差异系数无意义，不作判断。`,
          `${stageLabel}: fewer than 2 schools are counted, so the CVs are not meaningful and give no verdict.`,
        )
      : over.length === 0
        ? pick(
            lang,
            `${stageLabel}阶段 7 项指标校际差异系数均不超过 ${limit}，达到要求。`,
            `${stageLabel}: all 7 coefficients of variation are within ${limit}.`,
          )
        : pick(
            lang,
            `${stageLabel}阶段 7 项指标中 ${within.length} 项校际差异系数不超过 ${limit}，${over.length} 项超过限值：${overText}。`,
            `${stageLabel}: ${within.length} of the 7 coefficients of variation are within ${limit}; ${over.length} exceed it: ${overText}.`,
          );
  const failing = balance.schoolsCounted - balance.verdict.schoolsPassing;
  const schoolSentence = pick(
    lang,
    `计入的 ${formatInteger(balance.schoolsCounted)} 所学校中，${formatInteger(balance.verdict.schoolsPassing)} 所达到资源配置要求（7 项指标至少 6 项达到国家标准，其余 1 项不低于标准的 85%），${formatInteger(failing)} 所未达到。`,
    `Of the ${formatInteger(balance.schoolsCounted)} schools counted, ${formatInteger(balance.verdict.schoolsPassing)} meet resource allocation (at least 6 of the 7 standards, the seventh at 85% or more) and ${formatInteger(failing)} do not.`,
  );
  return [cvSentence, schoolSentence];
}

/** The table of one stage's seven indicators: weighted mean, CV, limit, verdict, schools meeting the standard. */
export function buildResourceTable(
  balance: StageEvaluation['balance'],
  lang: Lang,
): { header: string[]; rows: string[][] } {
  return {
    header: [
      pick(lang, '指标', 'Indicator'),
      pick(lang, '全县加权平均', 'County weighted mean'),
      pick(lang, '国家标准', 'Standard'),
      pick(lang, '差异系数', 'CV'),
      pick(lang, '限值', 'Limit'),
      pick(lang, '是否达到', 'Within limit'),
      pick(lang, '达到标准学校', 'Schools meeting the standard'),
    ],
    rows: balance.indicators.map((i) => [
      indicatorName(i.key, lang),
      formatIndicator(i.key, i.mean, { unit: true, lang }),
      formatIndicator(i.key, i.threshold, { unit: true, lang }),
      cvText(i, lang),
      `≤ ${formatCv(i.cvLimit, 2)}`,
      i.cvPasses === null ? '—' : i.cvPasses ? pick(lang, '是', 'yes') : pick(lang, '否', 'no'),
      `${formatInteger(i.schoolsMeeting)} / ${formatInteger(i.n)}`,
    ]),
  };
}

/** An item's value as the scorecard shows it: ratios as percentages, yes/no, numbers; 未填报 when not entered. */
export function scorecardValueText(item: Pick<ScorecardItem, 'kind' | 'value' | 'status'>, lang: Lang): string {
  if (item.value === null) return item.status === 'not_entered' ? pick(lang, '未填报', 'not entered') : '—';
  if (typeof item.value === 'boolean') return item.value ? pick(lang, '是', 'yes') : pick(lang, '否', 'no');
  if (item.kind === 'ratio') return formatPercent(item.value);
  return formatNumber(item.value, Number.isInteger(item.value) ? 0 : 2);
}

const STATUS_TEXT = {
  pass: { zh: '达标', en: 'met' },
  fail: { zh: '未达标', en: 'not met' },
  not_entered: { zh: '未填报', en: 'not entered' },
} as const;

/**
 * 政府保障程度 / 教育质量 / 社会认可度 from the scorecard: how many items are met, not met and not entered, which ones
 * fail, and which are still to be entered (never presumed met).
 */
export function describeScorecardArea(items: readonly ScorecardItem[], area: ScorecardArea, lang: Lang): string[] {
  const ofArea = items.filter((item) => item.area === area);
  const label = lang === 'zh' ? SCORECARD_AREA_LABELS[area].zh : SCORECARD_AREA_LABELS[area].en;
  const name = (item: ScorecardItem) => (lang === 'zh' ? item.zh : item.en);
  const count = (status: keyof typeof STATUS_TEXT) => ofArea.filter((item) => item.status === status).length;
  const paragraphs = [
    pick(
      lang,
      `${label}共 ${ofArea.length} 项：达标 ${count('pass')} 项，未达标 ${count('fail')} 项，未填报 ${count('not_entered')} 项。`,
      `${label}: ${ofArea.length} items, ${count('pass')} met, ${count('fail')} not met, ${count('not_entered')} not entered.`,
    ),
  ];
  const failing = ofArea.filter((item) => item.status === 'fail');
  if (failing.length > 0) {
    paragraphs.push(
      pick(
        lang,
        `未达标的项目：${failing.map((item) => `${item.zh}（${scorecardValueText(item, lang)}，要求${item.requirementZh}${item.detailZh ? `；${item.detailZh}` : ''}）`).join('；')}。`,
        `Not met: ${failing.map((item) => `${item.en} (${scorecardValueText(item, lang)}; required ${item.requirementEn})`).join('; ')}.`,
      ),
    );
  }
  const missing = ofArea.filter((item) => item.status === 'not_entered');
  if (missing.length > 0) {
    paragraphs.push(
      pick(
        lang,
        `以下项目尚未在县级填报中录入，本报告不作达标判断：${list(lang, missing.map(name))}。`,
        `Not yet entered in the county inputs, so not judged here: ${list(lang, missing.map(name))}.`,
      ),
    );
  }
  return paragraphs;
}

/** The scorecard items of one area as a table: item, value, requirement, status. */
export function buildScorecardTable(
  items: readonly ScorecardItem[],
  area: ScorecardArea,
  lang: Lang,
): { header: string[]; rows: string[][] } {
  return {
    header: [
      pick(lang, '项目', 'Item'),
      pick(lang, '数值', 'Value'),
      pick(lang, '要求', 'Requirement'),
      pick(lang, '结论', 'Status'),
    ],
    rows: items
      .filter((item) => item.area === area)
      .map((item) => [
        lang === 'zh' ? item.zh : item.en,
        scorecardValueText(item, lang),
        lang === 'zh' ? item.requirementZh : item.requirementEn,
        STATUS_TEXT[item.status][lang],
      ]),
  };
}

/**
 * 存在的问题 of one CV from its decomposition: its value against the limit and the schools that add most to it (over
 * the limit), or for the highest CV within its limit, the schools that keep it up.
 */
export function describeCvPuller(puller: CvPuller, stage: Stage, cvLimit: number, lang: Lang): string {
  const name = indicatorName(puller.key, lang);
  const schools = list(
    lang,
    puller.schools.map((s) => {
      const side =
        puller.mean === null ? '' : s.value < puller.mean ? pick(lang, '低于', 'below ') : pick(lang, '高于', 'above ');
      return pick(
        lang,
        `${s.label}（${formatIndicator(puller.key, s.value, { unit: true, lang })}，${side}全县平均，占差异系数平方的 ${formatPercent(s.share)}）`,
        `${s.label} (${formatIndicator(puller.key, s.value, { unit: true, lang })}, ${side}the county mean, ${formatPercent(s.share)} of CV²)`,
      );
    }),
  );
  const cv = formatCvAgainst(puller.cv, cvLimit);
  const limit = formatCv(cvLimit, 2);
  if (puller.overLimit) {
    return pick(
      lang,
      `${stageName(stage, lang)}${name}校际差异系数为 ${cv}，超过限值 ${limit}；拉大差异的主要学校为：${schools}。`,
      `${stageName(stage, lang)} ${name}: CV ${cv} exceeds ${limit}; the schools that add most to it: ${schools}.`,
    );
  }
  return pick(
    lang,
    `${stageName(stage, lang)}各项差异系数均未超过限值，其中${name}差异系数最接近限值（${cv}，限值 ${limit}），拉大差异的主要学校为：${schools}。`,
    `${stageName(stage, lang)}: every CV is within the limit; the closest to it is ${name} (${cv}, limit ${limit}), kept up mostly by ${schools}.`,
  );
}

/** Teachers still to rotate to reach 10% of the eligible, and backbone teachers to reach 20% of those rotated. */
export function rotationGaps(rotation: {
  eligible: number;
  rotated: number;
  ratioLimit: number;
  backboneRotated: number;
  backboneShareLimit: number;
}): { teachers: number; backbone: number } {
  const teachersNeeded = Math.ceil(rotation.eligible * rotation.ratioLimit - 1e-9);
  const rotatedAfter = Math.max(rotation.rotated, teachersNeeded);
  const backboneNeeded = Math.ceil(rotatedAfter * rotation.backboneShareLimit - 1e-9);
  return {
    teachers: Math.max(0, teachersNeeded - rotation.rotated),
    backbone: Math.max(0, backboneNeeded - rotation.backboneRotated),
  };
}

/** 存在的问题: every failing scorecard item, the CVs over their limit with the schools behind them, failing schools, 大班额, 轮岗. */
export function describeProblems(
  data: Pick<SelfEvaluationData, 'stages' | 'scorecard' | 'rotation'>,
  lang: Lang,
): string[] {
  const paragraphs: string[] = [];
  const failing = data.scorecard.items.filter((item) => item.status === 'fail');
  paragraphs.push(
    failing.length === 0
      ? pick(lang, '评估总表各项均未发现未达标项目。', 'No item of the scorecard fails.')
      : pick(
          lang,
          `评估总表中未达标的项目共 ${failing.length} 项：${list(
            lang,
            failing.map((item) => `${SCORECARD_AREA_LABELS[item.area].zh}·${item.zh}`),
          )}。`,
          `${failing.length} scorecard items are not met: ${list(
            lang,
            failing.map((item) => `${SCORECARD_AREA_LABELS[item.area].en}: ${item.en}`),
          )}.`,
        ),
  );
  for (const evaluation of data.stages) {
    const { stage, balance, classSize } = evaluation;
    for (const puller of evaluation.pullers) paragraphs.push(describeCvPuller(puller, stage, balance.cvLimit, lang));
    const schools = balance.verdict.failingSchools;
    if (schools.length > 0) {
      paragraphs.push(
        pick(
          lang,
          `${stageName(stage, lang)}阶段未达到资源配置要求的学校 ${schools.length} 所：${list(
            lang,
            schools.map((s) => `${s.name}（达标 ${s.metCount} 项）`),
          )}。`,
          `${stageName(stage, lang)}: ${schools.length} schools do not meet resource allocation: ${list(
            lang,
            schools.map((s) => `${s.name} (${s.metCount} of 7 met)`),
          )}.`,
        ),
      );
    }
    if (classSize.classes > 0) {
      const large = classSize.largeClasses + classSize.hugeClasses;
      paragraphs.push(
        pick(
          lang,
          `${stageName(stage, lang)}阶段共 ${formatInteger(classSize.classes)} 个班，56 人及以上大班额 ${formatInteger(large)} 个（占 ${formatPercent(classSize.largeShare)}，目标不超过 ${formatPercent(classSize.largeShareTarget, 0)}），其中 66 人及以上超大班额 ${formatInteger(classSize.hugeClasses)} 个（目标为 0）；班额超过 ${classSize.schools[0]?.limit ?? (stage === 'primary' ? 45 : 50)} 人的学校 ${formatInteger(classSize.schoolsOverLimit)} 所，超规模学校 ${formatInteger(classSize.oversizeSchools)} 所${classSize.classesWithoutData > 0 ? `；另有 ${formatInteger(classSize.classesWithoutData)} 个班无班额分段数据` : ''}。`,
          `${stageName(stage, lang)}: ${formatInteger(classSize.classes)} classes, ${formatInteger(large)} of 56 or more (${formatPercent(classSize.largeShare)}, target at most ${formatPercent(classSize.largeShareTarget, 0)}), ${formatInteger(classSize.hugeClasses)} of 66 or more (target 0); ${formatInteger(classSize.schoolsOverLimit)} schools over the class-size limit and ${formatInteger(classSize.oversizeSchools)} oversize schools${classSize.classesWithoutData > 0 ? `; ${formatInteger(classSize.classesWithoutData)} classes have no class-size data` : ''}.`,
        ),
      );
    }
  }
  const r = data.rotation;
  const gaps = rotationGaps(r);
  paragraphs.push(
    pick(
      lang,
      `教师交流轮岗：符合交流条件的教师 ${formatInteger(r.eligible)} 人，实际交流 ${formatInteger(r.rotated)} 人，比例 ${formatPercent(r.ratio)}（要求不低于 ${formatPercent(r.ratioLimit, 0)}）${gaps.teachers > 0 ? `，尚差 ${formatInteger(gaps.teachers)} 人` : ''}；其中骨干教师 ${formatInteger(r.backboneRotated)} 人，占交流教师的 ${formatPercent(r.backboneShare)}（要求不低于 ${formatPercent(r.backboneShareLimit, 0)}）${gaps.backbone > 0 ? `，尚差 ${formatInteger(gaps.backbone)} 人` : ''}。`,
      `Teacher rotation: ${formatInteger(r.eligible)} teachers eligible, ${formatInteger(r.rotated)} rotated (${formatPercent(r.ratio)}, required at least ${formatPercent(r.ratioLimit, 0)})${gaps.teachers > 0 ? `, ${formatInteger(gaps.teachers)} short` : ''}; ${formatInteger(r.backboneRotated)} backbone teachers, ${formatPercent(r.backboneShare)} of those rotated (required at least ${formatPercent(r.backboneShareLimit, 0)})${gaps.backbone > 0 ? `, ${formatInteger(gaps.backbone)} short` : ''}.`,
    ),
  );
  return paragraphs;
}

const UNIT_TEXT: Record<Exclude<ResourceUnit, 'yuan'>, { zh: string; en: string }> = {
  teachers: { zh: '人', en: 'teachers' },
  square_metres: { zh: '平方米', en: 'm²' },
  rooms: { zh: '间', en: 'rooms' },
  computers: { zh: '台', en: 'computers' },
  books: { zh: '册', en: 'books' },
};

/** An amount to add in its unit, formatted as the 补短板 view does: money in 万元, areas to one decimal, counts whole. */
export function formatAmount(amount: number, unit: ResourceUnit, lang: Lang): string {
  if (unit === 'yuan') return formatMoney(amount, lang);
  const text =
    unit === 'square_metres' ? formatNumber(amount, Number.isInteger(amount) ? 0 : 1) : formatInteger(amount);
  return `${text} ${UNIT_TEXT[unit][lang]}`;
}

/** 整改措施与测算 of one stage: the 补短板 totals, and for each CV over its limit the least-addition plan. */
export function describeMeasures(evaluation: Pick<StageEvaluation, 'stage' | 'distance'>, lang: Lang): string[] {
  const { stage, distance } = evaluation;
  const stageLabel = stageName(stage, lang);
  const t = distance.totals;
  const parts = [
    [t.higherDegreeTeachers, 'teachers', pick(lang, '高学历教师', 'higher-degree teachers')],
    [t.backboneTeachers, 'teachers', pick(lang, '骨干教师', 'backbone teachers')],
    [t.peArtTeachers, 'teachers', pick(lang, '体育艺术专任教师', 'PE and art teachers')],
    [t.teachingRoomAreaM2, 'square_metres', pick(lang, '教学及辅助用房', 'teaching rooms')],
    [t.sportsAreaM2, 'square_metres', pick(lang, '体育运动场馆', 'sports grounds')],
    [t.equipmentYuan, 'yuan', pick(lang, '教学仪器设备', 'equipment')],
    [t.multimediaRooms, 'rooms', pick(lang, '多媒体教室', 'multimedia rooms')],
  ] as const;
  const needed = parts.filter(([amount]) => amount > 0);
  const schools = new Set(distance.rows.map((row) => row.code)).size;
  const paragraphs = [
    needed.length === 0
      ? pick(
          lang,
          `${stageLabel}阶段各校 7 项指标均已达到国家标准，无需补充。`,
          `${stageLabel}: every school meets all 7 standards; nothing to add.`,
        )
      : pick(
          lang,
          `${stageLabel}阶段 ${formatInteger(schools)} 所学校共 ${formatInteger(distance.rows.length)} 项指标低于国家标准。补齐到标准，需新增${list(
            lang,
            needed.map(([amount, unit, name]) => `${name} ${formatAmount(amount, unit, lang)}`),
          )}（按校测算后汇总，各校明细见下表）。`,
          `${stageLabel}: ${formatInteger(distance.rows.length)} indicator values of ${formatInteger(schools)} schools are below the standard. Bringing them to the standard takes ${list(
            lang,
            needed.map(([amount, unit, name]) => `${formatAmount(amount, unit, lang)} of ${name}`),
          )} (summed over the schools; see the table).`,
        ),
  ];
  for (const plan of distance.cvPlans) {
    const name = indicatorName(plan.key, lang);
    paragraphs.push(
      plan.achievable && plan.cvAfter !== null
        ? pick(
            lang,
            `${stageLabel}${name}差异系数 ${formatCvAgainst(plan.cvBefore, plan.cvLimit)} 超过限值：将 ${formatInteger(plan.additions.length)} 所学校提高到 ${formatIndicator(plan.key, plan.floorLevel, { unit: true, lang })}，共需增加 ${formatAmount(plan.totalAddition, plan.resourceUnit, lang)}，差异系数可降至 ${formatCvAgainst(plan.cvAfter, plan.cvLimit)}；达到资源配置要求的学校由 ${formatInteger(plan.schoolsPassingBefore)} 所变为 ${formatInteger(plan.schoolsPassingAfter)} 所。`,
            `${stageLabel} ${name}: CV ${formatCvAgainst(plan.cvBefore, plan.cvLimit)} is over the limit; raising ${formatInteger(plan.additions.length)} schools to ${formatIndicator(plan.key, plan.floorLevel, { unit: true, lang })} takes ${formatAmount(plan.totalAddition, plan.resourceUnit, lang)} and brings the CV to ${formatCvAgainst(plan.cvAfter, plan.cvLimit)}; schools passing go from ${formatInteger(plan.schoolsPassingBefore)} to ${formatInteger(plan.schoolsPassingAfter)}.`,
          )
        : pick(
            lang,
            `${stageLabel}${name}差异系数 ${formatCvAgainst(plan.cvBefore, plan.cvLimit)} 超过限值，仅靠补充薄弱学校无法降至限值以内，需统筹调整资源布局。`,
            `${stageLabel} ${name}: CV ${formatCvAgainst(plan.cvBefore, plan.cvLimit)} is over the limit and adding to the weakest schools alone cannot bring it within; resources must be redistributed.`,
          ),
    );
  }
  return paragraphs;
}

/** Per school what to add, one row per school: school, township, the additions in their units. */
export function buildMeasureTable(
  distance: StageEvaluation['distance'],
  lang: Lang,
): { header: string[]; rows: string[][] } {
  const bySchool = new Map<string, { name: string; township: string; items: string[] }>();
  for (const row of distance.rows) {
    const entry = bySchool.get(row.code) ?? { name: row.name, township: row.townshipName, items: [] };
    entry.items.push(`${indicatorShortName(row.key, lang)} ${formatAmount(row.shortfall, row.resourceUnit, lang)}`);
    bySchool.set(row.code, entry);
  }
  return {
    header: [pick(lang, '学校', 'School'), pick(lang, '乡镇（街道）', 'Township'), pick(lang, '需新增', 'To add')],
    rows: [...bySchool.values()].map((s) => [s.name, s.township, list(lang, s.items)]),
  };
}

/** The cover's title and the line under it. */
export function reportTitle(county: string, year: number, lang: Lang): { title: string; subtitle: string } {
  return {
    title: pick(
      lang,
      `${county}义务教育优质均衡发展督导评估自评报告`,
      `${county}: self-evaluation report on high-quality balanced compulsory education`,
    ),
    subtitle: pick(lang, `（${year} 年度数据）`, `(data of ${year})`),
  };
}
