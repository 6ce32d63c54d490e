import type { Lang } from '../../i18n/translate.ts';

/**
 * Conventions an inspector recomputing the numbers needs (issue #9 points 2, 3, 7, 8), kept beside method-copy.ts so
 * each passage sits next to the section it belongs to on the page. `ConventionsCopy` makes a missing English passage
 * a type error.
 */
export interface ConventionsCopy {
  /** Other equity measures: zeros count (point 2). */
  equity: { title: string; items: string[] };
  /** 补短板 at split schools (point 3). */
  shortfalls: string[];
  /** Music and art rooms at teaching points (point 7). */
  teachingPointRooms: string;
  /** Rotation conventions (point 8). */
  rotation: { title: string; items: string[] };
}

const zh: ConventionsCopy = {
  equity: {
    title: '其他公平指标（基尼系数、泰尔指数、McLoone 指数、极差）',
    items: [
      '均按在校生数加权，计算范围与差异系数相同。',
      '取值为 0 的学校（例如没有县级以上骨干教师）是分布的一部分：它参与每一个指标，其学生计入加权平均值。泰尔指数 T = Σ(P/ΣP)(X/X̄)ln(X/X̄) 中 0·ln0 按极限取 0；分组时全部为 0 的组所占资源份额为 0，对组间、组内两部分都不贡献。',
      '基尼系数、McLoone 指数（中位数以下学校的资源 ÷ 按中位数应有的资源）、最小值和极差同样包括取值为 0 的学校；最小值为 0 时极差率（最大值 ÷ 最小值）无法计算，显示为空，不会把这些学校剔除后再算。',
    ],
  },
  shortfalls: [
    '补短板的缺口是“学校需增加”的量：教师按学段统计，缺几人就补几人；校舍面积、体育场馆面积、教学仪器设备值和网络多媒体教室由各学段共用、按上表的权重分摊，所以学校需增加“学段部分缺口 ÷ 该学段的分摊比例”（向上取整到整平方米、整元、整间）。页面和下载文件在旁边列出学段部分缺口和分摊比例。',
    '全县补短板总量和差异系数达标方案的增加量都按学校需增加的量合计。同一所一贯制学校两个学段都不达标时，学校需增加两者中较大的那个量（不是两者之和），因为增加的资产同时分摊到两个学段。',
    '按“学校需增加”的量在模拟调整中给该校增加资源或教师，该校该学段的这项指标即达到标准。',
  ],
  teachingPointRooms:
    '音乐、美术专用教室（每 12 个班至少各 1 间）只按学校判断：教学点在事业统计中不单独算作学校，因此不计入“不足的学校”，而是另行列出（评估总表中注明教学点个数和不足的教学点名称）。',
  rotation: {
    title: '计数口径',
    items: [
      '同一教师同一年度有多行记录时只计一人；任一行标为骨干教师即按骨干教师计。',
      '多年交流：同一教师、同一派出学校和接收学校，在开始那一行“交流时长”覆盖的学年内（开始年度至开始年度 + ⌈月数 ÷ 12⌉ − 1，时长空白按 12 个月）再出现的行，是同一次交流的延续；延续行不延长交流期。默认只在开始的学年计入交流人数；可在交流轮岗页选择“在外每个学年都计”，这时交流期内的每个学年都计入（即使该学年没有记录）。',
      '交流比例（≥ 10%）和骨干教师占比（≥ 20%）默认只计公办学校：分母为公办学校符合交流条件的教师数，分子为从公办学校交流出去的教师；2014 年的政策针对公办学校。可选择计入民办学校。流向图和各校明细始终包括所有学校。',
      '所选口径写在下载文件的“说明”工作表中；不是默认口径时也写进文件名。',
    ],
  },
};

const en: ConventionsCopy = {
  equity: {
    title: 'Other equity measures (Gini, Theil T, McLoone, ranges)',
    items: [
      'All weighted by students, over the same schools as the CVs.',
      'A school whose value is 0 (for example, no county-level backbone teacher) is part of the distribution: it takes part in every measure and its students are in the weighted mean. In Theil T = Σ(P/ΣP)(X/X̄)ln(X/X̄), 0·ln 0 is taken as its limit, 0; a group whose schools all have 0 holds a 0 share of the resource and adds nothing to the between or within part.',
      'Gini, McLoone (resource below the median ÷ resource at the median), the minimum and the range include those schools too; with a minimum of 0 the range ratio (max ÷ min) cannot be computed and is left blank, rather than being computed without them.',
    ],
  },
  shortfalls: [
    'A 补短板 shortfall is what the school must add. Teachers are counted per stage, so the shortfall is the teachers the stage lacks; room area, sports area, equipment value and multimedia rooms are shared by the stages and split by the weights above, so the school must add the stage part’s gap ÷ the stage’s share (rounded up to whole ㎡, yuan or rooms). The page and the downloads show the stage part’s gap and the share beside it.',
    'The county totals and the additions of the CV plans add up what the schools must add. A split school short in both stages needs the larger of the two amounts, not their sum, since an addition is shared by both stages.',
    'Adding a school’s reported amount in the what-if brings that school’s stage to the threshold on that indicator.',
  ],
  teachingPointRooms:
    'Music and art rooms (at least one of each per 12 classes) are judged for schools only: teaching points are not schools in the statistics, so they are not counted among the schools short of rooms but listed apart (the scorecard states how many teaching points there are and names those short of rooms).',
  rotation: {
    title: 'Counting conventions',
    items: [
      'A teacher listed more than once in one year counts once, as a backbone teacher if any row says so.',
      'Multi-year rotations: a row of the same teacher, from school and to school within the span of the row that began the rotation (from its year to its year + ⌈months ÷ 12⌉ − 1; a blank duration is 12 months) continues that rotation and does not extend it. By default a rotation counts in its first school year only; on the rotation view you can choose “every school year away”, which counts it in every school year of its span (even one without a row).',
      'The ratio (≥ 10%) and the backbone share (≥ 20%) count public schools only by default: eligible teachers of public schools, and teachers rotated out of public schools; the 2014 policy is about public schools. Private schools can be included. Flows and per-school figures always cover every school.',
      'The conventions chosen are written on the 说明 sheet of every download, and into the file name when they are not the defaults.',
    ],
  },
};

export const CONVENTIONS_COPY: Record<Lang, ConventionsCopy> = { zh, en };
