import { type SchoolType, URBAN_RURAL_CODES, type UrbanRuralCode } from '@junheng/shared';

/**
 * Codes of the 教育事业统计 (issue #13), shared by the readers of school workbooks and county extracts: the 3-digit
 * 办学类型 codes and the 城乡分类 codes, including those of files before about 2011 (1 城市 / 2 县镇 / 3 农村).
 */

interface StatisticsSchoolType {
  code: string;
  zh: string;
  /** Our school type; null for a type outside compulsory education or not a school of its own. */
  type: SchoolType | null;
  /** Why a type with no school type of ours is left out. */
  leftOut?: string;
}

export const STATISTICS_SCHOOL_TYPES: readonly StatisticsSchoolType[] = [
  { code: '211', zh: '小学', type: 'primary' },
  { code: '218', zh: '小学教学点', type: 'teaching_point' },
  {
    code: '219',
    zh: '附设小学班',
    type: null,
    leftOut: '附设小学班不是独立学校，其数据计入所在学校：请在所在学校的报表中填报',
  },
  { code: '311', zh: '初级中学', type: 'junior' },
  { code: '312', zh: '九年一贯制学校', type: 'nine_year' },
  { code: '341', zh: '完全中学', type: 'complete_middle' },
  { code: '342', zh: '高级中学', type: null, leftOut: '高级中学不属于义务教育学校，不参与均衡评估' },
  { code: '345', zh: '十二年一贯制学校', type: 'twelve_year' },
  { code: '511', zh: '盲人学校', type: 'special' },
  { code: '512', zh: '聋人学校', type: 'special' },
  { code: '513', zh: '培智学校', type: 'special' },
  { code: '514', zh: '其他特殊教育学校', type: 'special' },
];

const BY_CODE = new Map(STATISTICS_SCHOOL_TYPES.map((t) => [t.code, t]));
const BY_NAME = new Map(STATISTICS_SCHOOL_TYPES.map((t) => [t.zh, t]));

export type SchoolTypeReading =
  | { ok: true; type: SchoolType; code: string; zh: string }
  | { ok: false; leftOut: true; code: string; zh: string; message: string }
  | { ok: false; leftOut: false; message: string };

/** A 办学类型 cell: the 3-digit code, the name, or both (`211 小学`, `小学(211)`), in any of the usual spellings. */
export function readStatisticsSchoolType(cell: string): SchoolTypeReading {
  const text = cell.replace(/[\s\u3000]/g, '');
  const code = /\d{3}/.exec(text)?.[0];
  const name = text.replace(/[\d()（）[\]【】:：\-—_]/g, '');
  const found = (code !== undefined ? BY_CODE.get(code) : undefined) ?? (name !== '' ? BY_NAME.get(name) : undefined);
  if (found === undefined) {
    const known = STATISTICS_SCHOOL_TYPES.map((t) => `${t.code} ${t.zh}`).join('、');
    return { ok: false, leftOut: false, message: `办学类型「${cell}」无法识别：应为代码或名称之一（${known}）` };
  }
  if (found.type === null) {
    return { ok: false, leftOut: true, code: found.code, zh: found.zh, message: found.leftOut ?? '' };
  }
  return { ok: true, type: found.type, code: found.code, zh: found.zh };
}

/** The codes before the 2008 城乡划分 (files before about 2011), mapped to the class they fall in today. */
const LEGACY_URBAN_RURAL: Readonly<Record<string, { code: UrbanRuralCode; zh: string }>> = {
  '1': { code: '111', zh: '城市' },
  '2': { code: '121', zh: '县镇' },
  '3': { code: '210', zh: '农村' },
};

export type UrbanRuralReading =
  | { ok: true; code: UrbanRuralCode; warning: string | null }
  | { ok: false; message: string };

/** A 城乡分类 cell: a current code (111 … 220), or a legacy 1/2/3 mapped with a warning so trends can reach back. */
export function readUrbanRuralCode(cell: string): UrbanRuralReading {
  const text = cell.replace(/[\s\u3000]/g, '');
  const digits = /^\d+/.exec(text)?.[0] ?? '';
  if ((URBAN_RURAL_CODES as readonly string[]).includes(digits))
    return { ok: true, code: digits as UrbanRuralCode, warning: null };
  const legacy = LEGACY_URBAN_RURAL[digits] ?? Object.values(LEGACY_URBAN_RURAL).find((l) => text.includes(l.zh));
  if (legacy !== undefined) {
    return {
      ok: true,
      code: legacy.code,
      warning: `旧城乡分类「${cell}」（${legacy.zh}）按现行代码 ${legacy.code} 计入：2011 年前的文件使用 1 城市 / 2 县镇 / 3 农村，请核实`,
    };
  }
  return {
    ok: false,
    message: `城乡分类代码「${cell}」无法识别：应为 111、112、121、122、123、210、220（或旧代码 1/2/3）`,
  };
}
