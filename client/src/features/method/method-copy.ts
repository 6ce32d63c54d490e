import type { Lang } from '../../i18n/translate.ts';

/**
 * The prose of the Method page in both languages. It is documentation rather than UI text, so it lives beside the
 * page instead of in the UI dictionary; `MethodCopy` makes a missing English passage a type error. Numbers are never
 * written here: the page takes them from @junheng/shared's method constants and from worked-example.ts.
 */
export interface MethodCopy {
  title: string;
  intro: string;
  contents: string;
  sections: {
    regimes: string;
    indicators: string;
    cv: string;
    limits: string;
    schools: string;
    exclusions: string;
    stages: string;
    locales: string;
    classSize: string;
    decomposition: string;
    example: string;
    rotation: string;
    comparable: string;
  };
  regimes: { quality: string; basic: string; labels: string };
  indicatorTable: {
    caption: string;
    name: string;
    key: string;
    formula: string;
    unit: string;
    primary: string;
    junior: string;
    decimals: string;
  };
  cv: { lead: string; notation: string; mean: string; sd: string; cv: string; notes: string[] };
  limits: {
    quality: (primary: string, junior: string) => string;
    basic: (primary: string, junior: string) => string;
    basicList: string;
    /** The 2012 units (published 申报表 units; teacher indicators as ratios per student). */
    basicUnits: string;
    composite: string;
  };
  schools: (min: number, total: number, ratio: string) => string;
  schoolsNote: string;
  exclusions: {
    special: string;
    teachingPoint: (min: number) => string;
    private: string;
    /** Which rows the 2012 table has (issue #9 point 1). */
    basicRows: string;
    /** A stage with teachers or classes but no students (issue #9 point 9). */
    noStudents: string;
    shown: string;
  };
  stages: {
    lead: string;
    caption: string;
    type: string;
    weights: string;
    nineYear: string;
    completeMiddle: string;
    twelveYear: string;
    exampleLead: (total: string, primary: number, junior: number) => string;
    perWeighted: string;
    primaryPart: string;
    juniorPart: string;
  };
  locales: { lead: string; caption: string; code: string; meaning: string; cls: string };
  /** Blanks in the statistics, 大班额 / 超大班额, class size per stage and 大校额 (issue #9 points 4–6). */
  classSize: {
    blanks: string;
    bands: (largeMin: number, largeMax: number, hugeMin: number, target: string) => string;
    perStage: (primary: number, junior: number) => string;
    schoolWideLead: string;
    schoolWide: (primary: number, junior: number) => string[];
    schoolSize: (single: number, multi: number) => string;
  };
  decomposition: {
    lead: string;
    within: string;
    between: string;
    contribution: string;
    /** Said of P_g, X̄_g, S_g (the symbols are drawn by the page). */
    groupSymbols: string;
    /** Said of P and X̄. */
    totalSymbols: string;
    share: string;
  };
  example: {
    lead: string;
    caption: string;
    school: string;
    students: string;
    books: string;
    value: string;
    weight: string;
    weighted: string;
    deviation: string;
    weightedDeviation: string;
    total: string;
    published: string;
    wrong: (population: string, sample: string) => string;
  };
  rotation: (ratio: string, backbone: string) => string;
}

const zh: MethodCopy = {
  title: '方法说明',
  intro:
    '本页列出系统中每个数字的计算依据：指标定义、差异系数公式、限值、学校达标规则、计入范围和多学段拆分方法。督导人员可以用文末的算例逐步手工验算。',
  contents: '目录',
  sections: {
    regimes: '两种评估办法',
    indicators: '资源配置七项指标',
    cv: '差异系数的计算',
    limits: '差异系数限值',
    schools: '学校资源配置达标规则',
    exclusions: '哪些学校参与计算',
    stages: '一贯制学校与完全中学的拆分',
    locales: '城乡分类',
    classSize: '空白数据、大班额与大校额',
    decomposition: '差异系数分解（城乡之间 / 城乡内部）',
    example: '验算示例：5 所小学的生均图书',
    rotation: '教师交流轮岗',
    comparable: '可比学校与可比区县',
  },
  regimes: {
    quality:
      '优质均衡：《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）。资源配置七项指标逐项计算差异系数，并逐校判断是否达标；没有综合差异系数。',
    basic:
      '基本均衡：《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号）。八项指标各算差异系数，综合差异系数为八项的算术平均值。',
    labels: '系统中的每个数字都标明属于哪一种办法（2017 或 2012）。',
  },
  indicatorTable: {
    caption: '优质均衡资源配置七项指标及国家标准',
    name: '指标',
    key: '键名',
    formula: '计算方法（每校、每学段）',
    unit: '单位',
    primary: '小学 ≥',
    junior: '初中 ≥',
    decimals: '显示小数位',
  },
  cv: {
    lead: '同一县、同一学段的 n 所学校（学段部分），Pᵢ 为第 i 所学校该学段的在校生数，Xᵢ 为其指标值：',
    notation: '按学生数加权，标准差取总体形式（除以总人数，不用 n − 1）。',
    mean: '加权平均值，等于全县分子合计 ÷ 全县学生合计',
    sd: '加权标准差（总体形式）',
    cv: '差异系数',
    notes: [
      '计算时保留全部精度，只在显示时四舍五入；差异系数默认显示 3 位小数。',
      '是否达标用全部精度判断：差异系数 ≤ 限值即达标，恰好等于限值也达标。若 3 位小数显示与限值相同而实际数值不同（如 0.5004 对限值 0.50），则多显示一位小数（0.5004），直到能看出差别为止；屏幕、CSV 和 XLSX 一致。',
      '计入的学校（学段部分）少于 2 所时，差异系数没有意义（一所学校的差异系数总是 0）：系统不给出差异系数，也不判断达标，而是注明“差异系数无意义（少于 2 所学校）”。筛选到只剩一所学校时也是如此。',
      '不加权的差异系数（无论总体还是样本形式）都不符合规定，系统不使用。',
    ],
  },
  limits: {
    quality: (primary, junior) =>
      `优质均衡：每一项指标的差异系数，小学 ≤ ${primary}，初中 ≤ ${junior}。七项须全部满足。`,
    basic: (primary, junior) => `基本均衡：综合差异系数，小学 ≤ ${primary}，初中 ≤ ${junior}。`,
    basicList: '基本均衡的八项指标：',
    basicUnits:
      '基本均衡各项平均值按申报表的公布单位显示：面积为平方米/生，仪器设备为元/生，计算机为台/百生，图书为册/生；师生比、生均高于规定学历教师数、生均中级及以上职称教师数为每生比值（如师生比 0.054），不是每百名学生数。差异系数与单位无关，不受影响。',
    composite: '优质均衡页面上显示的“综合”列只是七项差异系数的平均值，仅供参考，不作为评估依据。',
  },
  schools: (min, total, ratio) =>
    `一所学校七项指标中至少 ${min} 项达到标准，且未达到的那一项不低于标准的 ${ratio}，即为资源配置达标（${total} 项全部达到当然达标）。`,
  schoolsNote: '每所学校显示各项数值、是否达到、达标项数（x/7）和结论。',
  exclusions: {
    special: '特殊教育学校不参与校际差异系数和达标计算。',
    teachingPoint: (min) => `在校生不足 ${min} 人的教学点不参与计算，但其学生仍计入全县学生总数。`,
    private: '民办学校默认参与计算；筛选栏中的“计入民办学校”可以改变这一点，改变后所有数字随之重算并在页面上注明。',
    basicRows:
      '基本均衡（2012）按申报表填报说明取行：小学为普通小学和一贯制学校的小学部，初中为独立初中、一贯制学校的初中部和完全中学的初中部，各部分单独成行；不列民办学校（“计入民办学校”筛选对 2012 报表不起作用）、不列任何小学教学点（不论人数）、不列特殊教育学校。2012 报表单独列出自己的排除名单和原因。',
    noStudents:
      '某学段有专任教师或班级、但在校生数为 0 时，无法计算生均指标：该学段列入排除名单（原因“在校生数为 0”），导入时也给出警告。',
    shown: '被排除的学校及原因总是列出，不会悄悄省略。',
  },
  stages: {
    lead: '九年一贯制、十二年一贯制学校和完全中学的每个学段部分，在该学段的差异系数中各算作一所学校。教师和学生按学段分别统计；共用的校舍面积、体育场馆、仪器设备、多媒体教室、计算机和图书，按加权学生数比例分摊：',
    caption: '共用资产的分摊权重',
    type: '学校类型',
    weights: '权重',
    nineYear: '九年一贯制：小学 : 初中',
    completeMiddle: '完全中学：初中 : 高中',
    twelveYear: '十二年一贯制：小学 : 初中 : 高中',
    exampleLead: (total, primary, junior) =>
      `例：某九年一贯制学校小学 ${primary} 人、初中 ${junior} 人，共有图书 ${total} 册。`,
    perWeighted: '每加权学生',
    primaryPart: '小学部分',
    juniorPart: '初中部分',
  },
  locales: {
    lead: '学校按《统计用城乡分类代码》归入三类。“城乡差距”比较的是各类的学生加权平均值（以及城区 ÷ 乡村之比）。',
    caption: '统计用城乡分类代码',
    code: '代码',
    meaning: '含义',
    cls: '归类',
  },
  classSize: {
    blanks:
      '空白不等于 0。导入学校年度统计时，学校的学段需要的统计项（该校有小学部时的小学在校生数、班数、专任教师数等，以及用房面积、仪器设备值等全校项目）留空即报错，并指出文件、行和列：“空白不等于 0：确为 0 请填 0”。学校没有的学段，其各列可留空或填 0。班额各列（全校和分学段的最大班额、大班额班数、超大班额班数）是选填项：留空记为未知，显示为“无数据”，不按 0 计，也不会因此判为达标；这些学校在大班额页面和班额检查中单独列出。',
    bands: (largeMin, largeMax, hugeMin, target) =>
      `大班额 = ${largeMin}–${largeMax} 人的班，超大班额 = ${hugeMin} 人及以上的班。每个学段、每个年度：班数 = 该学段各校班数之和；大班额占比 = ${largeMin} 人及以上的班数 ÷ 班数，目标 ≤ ${target}；超大班额占比 = ${hugeMin} 人及以上的班数 ÷ 班数，目标为 0。班额数据未知的学校，其班数单列为“无班额数据的班数”，占比只按已知数据计算、是下限：已超过目标即判未达标，否则不判定达标。计入全部义务教育学校（含教学点；民办学校按筛选），不含特殊教育学校。`,
    perStage: (primary, junior) =>
      `班额标准按学段判断：小学每班 ≤ ${primary} 人，初中每班 ≤ ${junior} 人。导入文件可以填分学段的列（小学最大班额、小学大班额班数(56-65人)、小学超大班额班数(66人及以上)，初中同），有分学段数据时以其为准。`,
    schoolWideLead: '只有全校数据（最大班额、大班额班数、超大班额班数）时的处理：',
    schoolWide: (primary, junior) => [
      '单学段学校（小学、教学点、初级中学、完全中学的初中部）：全校数据就是该学段的数据。',
      `一贯制学校只有全校最大班额 M：M ≤ ${primary} 人时两个学段都达标；M > ${junior} 人时该班无论属于哪个学段都超标，学校不达标；${primary} < M ≤ ${junior} 时无法判断该班属于小学还是初中，记为“无法判断”（不算达标），请补填分学段最大班额。另一学段的分学段最大班额已知且小于 M 时，M 即本学段的最大班额。`,
      '一贯制学校只有全校大班额、超大班额班数：全校为 0 时两个学段都为 0；另一学段已填分学段班数时，本学段 = 全校 − 另一学段；否则无法归入学段，本学段记为无数据。',
      `有 56 人及以上的班（大班额或超大班额班数 > 0）必然超过 ${primary} 人和 ${junior} 人，学校班额不达标。`,
    ],
    schoolSize: (single, multi) =>
      `学校规模（大校额）：小学、初级中学（及完全中学的初中部）≤ ${single} 人；九年一贯制、十二年一贯制学校按义务教育阶段（小学 + 初中）≤ ${multi} 人。大班额页面的每个学段都列出全校是否超规模。`,
  },
  decomposition: {
    lead: '采用总体方差时，对任意分组（城乡类别、乡镇、学区），差异系数的平方可以精确地分成组内和组间两部分：',
    within: '组内部分（同一类学校之间的差异）',
    between: '组间部分（各类平均值之间的差异，即“城乡差距”）',
    contribution: '每所学校的贡献，全部学校之和等于 CV²',
    groupSymbols: '为第 g 组的学生数、加权平均值和加权标准差；',
    totalSymbols: '为全体学校的学生数和加权平均值。',
    share: '“差异中有 x% 来自城乡之间”即 CV²组间 ÷ CV²。',
  },
  example: {
    lead: '这是已公开发布的算例（5 所小学，生均图书册数）。下表每一列都可以用计算器复核：',
    caption: '5 所小学生均图书差异系数的逐步计算',
    school: '学校',
    students: '在校生 Pᵢ',
    books: '图书（册）',
    value: '生均 Xᵢ',
    weight: '权重 wᵢ = Pᵢ/ΣP',
    weighted: 'wᵢ·Xᵢ',
    deviation: '(Xᵢ − X̄)²',
    weightedDeviation: 'wᵢ·(Xᵢ − X̄)²',
    total: '合计',
    published: '公开发布的结果（两位小数）为 0.52，与之一致。',
    wrong: (population, sample) =>
      `如果不按学生数加权，会得到 ${population}（总体形式）或 ${sample}（样本形式），两者都是错误的。`,
  },
  rotation: (ratio, backbone) =>
    `每年交流轮岗的教师应不少于符合交流条件教师总数的 ${ratio}，其中骨干教师不少于交流教师总数的 ${backbone}。`,
};

const en: MethodCopy = {
  title: 'Method',
  intro:
    'How every number in this product is computed: indicator definitions, the CV formula, the limits, the school verdict rule, which schools count and how multi-stage schools are split. The worked example at the end can be checked by hand.',
  contents: 'Contents',
  sections: {
    regimes: 'Two evaluation regimes',
    indicators: 'The seven resource indicators',
    cv: 'The coefficient of variation (差异系数)',
    limits: 'CV limits',
    schools: 'School compliance rule',
    exclusions: 'Which schools count',
    stages: 'Splitting multi-stage schools',
    locales: 'Urban–rural classes',
    classSize: 'Blank cells, large classes and large schools',
    decomposition: 'CV decomposition (between / within classes)',
    example: 'Worked example: books per student in 5 primary schools',
    rotation: 'Teacher rotation',
    comparable: 'Comparable schools and counties',
  },
  regimes: {
    quality:
      'High-quality balance (优质均衡), 教督〔2017〕6号: a CV for each of the seven resource indicators, and a verdict per school. There is no composite CV.',
    basic:
      'Basic balance (基本均衡), 教督〔2012〕3号: a CV for each of eight indicators; the composite CV is their plain mean.',
    labels: 'Every number in the product says which regime (2017 or 2012) it belongs to.',
  },
  indicatorTable: {
    caption: 'The seven 2017 resource indicators and their national thresholds',
    name: 'Indicator',
    key: 'Key',
    formula: 'Formula (per school, per stage)',
    unit: 'Unit',
    primary: 'Primary ≥',
    junior: 'Junior ≥',
    decimals: 'Decimals shown',
  },
  cv: {
    lead: 'For one stage of one county, schools i = 1…n (stage parts), Pᵢ the students of school i in that stage, Xᵢ its indicator value:',
    notation: 'Student-weighted, with the population standard deviation (divided by the total, not by n − 1).',
    mean: 'weighted mean, equal to the county total of the numerator ÷ the county total of students',
    sd: 'weighted standard deviation (population form)',
    cv: 'coefficient of variation',
    notes: [
      'Full precision is kept in the computation; numbers are rounded only for display (CVs to 3 decimals by default).',
      'Verdicts use full precision: a CV ≤ its limit passes, one exactly at the limit too. When the 3-decimal display equals the limit but the value differs (0.5004 against 0.50), one more decimal is shown (0.5004), as many as it takes to see the difference; screen, CSV and XLSX agree.',
      'With fewer than 2 schools (stage parts) counted a CV is not meaningful (one school’s CV is always 0): no CV and no verdict is given, and the view says “CV not meaningful (fewer than 2 schools)”. This also applies when filters leave a single school.',
      'An unweighted CV (population or sample form) is not the official number and is never used.',
    ],
  },
  limits: {
    quality: (primary, junior) =>
      `High-quality balance: the CV of every indicator must be ≤ ${primary} for primary and ≤ ${junior} for junior secondary. All seven must pass.`,
    basic: (primary, junior) =>
      `Basic balance: the composite CV must be ≤ ${primary} for primary and ≤ ${junior} for junior secondary.`,
    basicList: 'The eight basic-balance indicators:',
    basicUnits:
      'Basic-balance means are shown in the units of the published tables: m² per student, yuan per student, computers per 100 students, books per student; the teacher–student ratio and the higher-degree and intermediate-title teachers are ratios per student (e.g. 0.054), not counts per 100 students. CVs do not depend on the unit.',
    composite:
      'The “composite” column shown next to the 2017 CVs is their plain mean, for information only; the 2017 regime does not use it.',
  },
  schools: (min, total, ratio) =>
    `A school passes the resource standard when it meets at least ${min} of the ${total} thresholds and the one it misses is at least ${ratio} of its threshold (meeting all ${total} passes too).`,
  schoolsNote: 'Each school shows every value, met / not met, the count met (x/7) and the verdict.',
  exclusions: {
    special: 'Special-education schools are left out of the CVs and the school verdicts.',
    teachingPoint: (min) =>
      `Teaching points with fewer than ${min} students are left out, but their students still count in the county totals.`,
    private:
      'Private schools count by default; the “include private schools” filter changes that, and every number is recomputed and labelled accordingly.',
    basicRows:
      'Basic balance (2012) takes the rows of its official table: primary = ordinary primary schools and the primary parts of multi-stage schools, junior = junior schools and the junior parts of multi-stage and complete secondary schools, each part its own row; private schools are never listed (the “include private schools” filter does not apply to the 2012 report), nor any teaching point (whatever its size), nor special-education schools. The 2012 report lists its own exclusions with their reasons.',
    noStudents:
      'A stage with teachers or classes but 0 students has no per-student value: it is listed among the exclusions (reason “0 students”), and the import warns about it.',
    shown: 'Excluded schools are always listed with their reason, never dropped silently.',
  },
  stages: {
    lead: 'Each stage part of a nine-year, twelve-year or complete secondary school counts as its own school in that stage’s CV. Teachers and students are reported per stage; shared physical assets (room area, sports area, equipment, multimedia rooms, computers, books) are split by weighted student share:',
    caption: 'Weights for splitting shared assets',
    type: 'School type',
    weights: 'Weights',
    nineYear: 'Nine-year school: primary : junior',
    completeMiddle: 'Complete secondary school: junior : senior',
    twelveYear: 'Twelve-year school: primary : junior : senior',
    exampleLead: (total, primary, junior) =>
      `Example: a nine-year school with ${primary} primary and ${junior} junior students holds ${total} books.`,
    perWeighted: 'Per weighted student',
    primaryPart: 'Primary part',
    juniorPart: 'Junior part',
  },
  locales: {
    lead: 'Schools fall into three classes by their statistical urban–rural code. Urban–rural gaps compare the student-weighted means of the classes (and the urban ÷ rural ratio).',
    caption: 'Statistical urban–rural codes (统计用城乡分类代码)',
    code: 'Code',
    meaning: 'Meaning',
    cls: 'Class',
  },
  classSize: {
    blanks:
      'A blank is not a zero. When school statistics are imported, a blank in a column one of the school’s stages needs (primary students, classes and teachers when it has a primary part; school-wide items such as room area and equipment value) is an error located by file, row and column: “空白不等于 0：确为 0 请填 0” (a blank is not 0: write 0 if it is 0). Columns of a stage the school does not have may be blank or 0. The class-size columns (school-wide and per-stage largest class and counts of large and huge classes) are optional: a blank is stored as unknown, shown as “no data”, never counted as 0 and never passes a check; such schools are listed in the class-size view and check.',
    bands: (largeMin, largeMax, hugeMin, target) =>
      `A large class has ${largeMin}–${largeMax} students, a huge class ${hugeMin} or more. Per stage and year: classes = the sum of the schools’ classes of the stage; large-class share = classes of ${largeMin} or more ÷ classes, target ≤ ${target}; huge-class share = classes of ${hugeMin} or more ÷ classes, target 0. Classes of schools whose counts are unknown are shown as “classes without data”; the shares then use the known figures and are lower bounds: over the target already fails, otherwise the share is not judged as passing. All compulsory schools count (teaching points included; private schools per the filter), special-education schools do not.`,
    perStage: (primary, junior) =>
      `The class limit is judged per stage: primary ≤ ${primary} per class, junior ≤ ${junior}. Imports accept per-stage columns (小学最大班额, 小学大班额班数(56-65人), 小学超大班额班数(66人及以上), and the same for 初中); when given, they are used.`,
    schoolWideLead: 'With school-wide figures only (largest class, counts of large and huge classes):',
    schoolWide: (primary, junior) => [
      'A single-stage school (primary, teaching point, junior, the junior part of a complete middle school): the school-wide figures are its stage’s.',
      `A nine- or twelve-year school with only its school-wide largest class M: M ≤ ${primary} passes both stages; M > ${junior} fails whichever stage the class is in, so the school fails; for ${primary} < M ≤ ${junior} the class cannot be attributed to a stage and the school is “cannot be judged” (not a pass) until per-stage maxima are given. When the other stage’s own maximum is known and below M, M is this stage’s maximum.`,
      'A nine- or twelve-year school with only school-wide counts: a school-wide 0 is 0 for both stages; when the other stage’s own count is given, this stage = school-wide − other stage; otherwise the count cannot be attributed and the stage shows no data.',
      `Any class of 56 or more (a large or huge class count > 0) exceeds both ${primary} and ${junior}: the school fails the class-size item.`,
    ],
    schoolSize: (single, multi) =>
      `School size: primary and junior schools (and the junior part of a complete middle school) ≤ ${single} students; nine- and twelve-year schools ≤ ${multi} in the compulsory part (primary + junior). The class-size view shows for every school of the stage whether the whole school is oversize.`,
  },
  decomposition: {
    lead: 'With the population variance, the squared CV splits exactly into a within-group and a between-group part for any grouping (urban–rural class, township, school alliance):',
    within: 'within part (differences among schools of the same class)',
    between: 'between part (differences among the class means: the urban–rural gap)',
    contribution: 'contribution of each school; the contributions sum to CV²',
    groupSymbols: ' are the students, weighted mean and weighted standard deviation of group g; ',
    totalSymbols: ' those of all schools.',
    share: '“x% of the disparity is the urban–rural gap” is CV²between ÷ CV².',
  },
  example: {
    lead: 'A published worked example (5 primary schools, books per student). Every column can be checked with a calculator:',
    caption: 'Step-by-step CV of books per student in 5 primary schools',
    school: 'School',
    students: 'Students Pᵢ',
    books: 'Books',
    value: 'Per student Xᵢ',
    weight: 'Weight wᵢ = Pᵢ/ΣP',
    weighted: 'wᵢ·Xᵢ',
    deviation: '(Xᵢ − X̄)²',
    weightedDeviation: 'wᵢ·(Xᵢ − X̄)²',
    total: 'Total',
    published: 'The published result, rounded to two decimals, is 0.52: it agrees.',
    wrong: (population, sample) =>
      `Without student weights one gets ${population} (population form) or ${sample} (sample form): both are wrong here.`,
  },
  rotation: (ratio, backbone) =>
    `Each year, the teachers rotated must be at least ${ratio} of the teachers eligible to rotate, and backbone teachers at least ${backbone} of those rotated.`,
};

export const METHOD_COPY: Record<Lang, MethodCopy> = { zh, en };
