import type { Lang } from './indicator-labels.ts';

/** Definitions of the measures of the analysis views, for the 说明 sheet. */
export function measureDefinitions(lang: Lang, topics: readonly MeasureTopic[]): [string, string][] {
  return topics.map((topic) => [DEFINITIONS[topic].title[lang], DEFINITIONS[topic].text[lang]]);
}

type MeasureTopic = 'urbanRural' | 'decomposition' | 'equity' | 'rotation' | 'ranking' | 'classSize';

const DEFINITIONS: Record<MeasureTopic, { title: Record<Lang, string>; text: Record<Lang, string> }> = {
  urbanRural: {
    title: { zh: '城乡分类', en: 'Urban–rural classes' },
    text: {
      zh: '统计用城乡分类代码 111、112 为城区，121、122、123 为镇区，210、220 为乡村；各类均值按在校生数加权；城乡比 = 城区均值 ÷ 乡村均值',
      en: 'Codes 111, 112 = urban; 121, 122, 123 = town; 210, 220 = rural; means weighted by students; urban/rural ratio = urban mean / rural mean',
    },
  },
  decomposition: {
    title: { zh: '差异系数分解', en: 'CV decomposition' },
    text: {
      zh: 'CV² = 组内 + 组间：组内 = Σ(P_g/P)·S_g²/X̄²，组间 = Σ(P_g/P)·(X̄_g − X̄)²/X̄²；学校贡献 cᵢ = (Pᵢ/P)(Xᵢ − X̄)²/X̄²，各校贡献之和 = CV²',
      en: 'CV² = within + between: within = Σ(P_g/P)·S_g²/X̄², between = Σ(P_g/P)·(X̄_g − X̄)²/X̄²; school contribution cᵢ = (Pᵢ/P)(Xᵢ − X̄)²/X̄², summing to CV²',
    },
  },
  equity: {
    title: { zh: '公平指标', en: 'Equity measures' },
    text: {
      zh: '均按在校生数加权。基尼系数 = ΣΣPᵢPⱼ|Xᵢ−Xⱼ|/(2(ΣP)²X̄)；泰尔指数 T = Σ(P/ΣP)(X/X̄)ln(X/X̄)（取值为0的学校也参与，0·ln0 按 0 计，其学生计入均值；另列其数量）；McLoone 指数 = 中位数以下学校的资源 ÷ 按中位数应有的资源；极差 = 最大值 − 最小值；极差率 = 最大值 ÷ 最小值；联邦极差率 = (P95 − P5) ÷ P5',
      en: 'All weighted by students. Gini = ΣΣPᵢPⱼ|Xᵢ−Xⱼ|/(2(ΣP)²X̄); Theil T = Σ(P/ΣP)(X/X̄)ln(X/X̄) (schools with X = 0 take part: 0·ln 0 = 0, their students are in the mean; their number is shown); McLoone = resource below the median / resource at the median; range = max − min; range ratio = max / min; federal range ratio = (P95 − P5) / P5',
    },
  },
  rotation: {
    title: { zh: '交流轮岗', en: 'Teacher rotation' },
    text: {
      zh: '交流比例 = 当年交流出校的教师人数（去重）÷ 符合交流条件教师数，应 ≥ 10%；骨干教师占比 = 其中骨干教师 ÷ 交流教师，应 ≥ 20%。同一教师同年多行只计一人，任一行为骨干即为骨干。多年交流：同一教师、同一派出和接收学校，在首行“交流时长”覆盖的学年内（首年 + ⌈月数 ÷ 12⌉ − 1，空白按 12 个月）再出现的行是延续；默认只在首个学年计，可选在外每个学年都计。两个比例默认只计公办学校（可选计入民办）；流向和各校明细包括所有学校',
      en: 'Ratio = distinct teachers rotated out / teachers eligible, ≥ 10%; backbone share = backbone teachers among them / teachers rotated, ≥ 20%. A teacher listed twice in one year counts once, backbone if any row says so. Multi-year rotations: a row of the same teacher, from and to schools within the span of the row that began the rotation (its year + ⌈months / 12⌉ − 1; blank = 12 months) continues it; by default it counts in its first school year only, optionally in every school year away. Both ratios count public schools only by default (optionally private too); flows and per-school figures cover every school',
    },
  },
  classSize: {
    title: { zh: '大班额与大校额', en: 'Class and school size' },
    text: {
      zh: '大班额 = 56–65 人的班，超大班额 = 66 人及以上；大班额占比 = 56 人及以上班数 ÷ 该学段班数（目标 ≤ 5%），超大班额占比目标为 0；班额标准小学 ≤ 45、初中 ≤ 50 人，按学段判断；只有全校数据时：单学段学校即为该学段，一贯制学校全校最大班额 ≤ 45 为达标、> 50 为不达标，其间无法判断；空白为无数据，不计为 0，也不算达标；学校规模：小学、初中 ≤ 2000 人，九年一贯制、十二年一贯制义务教育阶段 ≤ 2500 人',
      en: 'Large class = 56–65 students, huge = 66 or more; share of 56+ = classes of 56 or more / classes of the stage (target ≤ 5%), huge share target 0; class limit 45 (primary) / 50 (junior), judged per stage; with school-wide data only: a single-stage school’s figures are its stage’s, a nine/twelve-year school passes if its largest class ≤ 45, fails if > 50, and cannot be judged in between; blanks are no data, never 0 and never a pass; school size: primary and junior ≤ 2000, nine/twelve-year compulsory part ≤ 2500',
    },
  },
  ranking: {
    title: { zh: '排名', en: 'Rank' },
    text: {
      zh: '在全县同学段参与计算的学校中按指标值从高到低排名，并列同名次',
      en: 'Among the county’s counted schools of the stage, highest value first; ties share a rank',
    },
  },
};
