import {
  type ColumnDefinition,
  type ColumnType,
  IMPORT_COLUMNS,
  type ImportKind,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  URBAN_RURAL_CODE_LABELS,
  URBAN_RURAL_CODES,
} from '@junheng/shared';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../export/load-exceljs.ts';
import { printPageSetup } from '../export/print-setup.ts';
import { columnLetter } from './excel-address.ts';
import { IMPORT_KIND_ZH } from './headers.ts';

export type TemplateFormat = 'csv' | 'xlsx';

export interface TemplateFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Header of a column in the templates: the Chinese name with its unit in brackets. */
export function templateHeader(column: ColumnDefinition): string {
  return column.unit ? `${column.zh}(${column.unit})` : column.zh;
}

/** The two example rows of each template, by column key (consistent across kinds: the stats refer to the schools). */
export const TEMPLATE_EXAMPLES: Record<ImportKind, readonly Readonly<Record<string, string | number>>[]> = {
  schools: [
    {
      school_code: '3301100001',
      school_name: '示例县实验小学',
      district_code: '330110',
      district_name: '示例县',
      township_code: '330110001',
      township_name: '城关街道',
      urban_rural_code: '111',
      school_type: '小学',
      ownership: '公办',
      boarding: '否',
      parent_school_code: '',
      group_name: '实验小学教育集团',
      city_name: '示例市',
      merged_into_code: '',
      closed_year: '',
    },
    {
      school_code: '3301100002',
      school_name: '示例县新河镇中心学校',
      district_code: '330110',
      district_name: '示例县',
      township_code: '330110101',
      township_name: '新河镇',
      urban_rural_code: '121',
      school_type: '九年一贯制学校',
      ownership: '公办',
      boarding: '是',
      parent_school_code: '',
      group_name: '',
      city_name: '示例市',
      merged_into_code: '',
      closed_year: '',
    },
  ],
  school_stats: [
    {
      year: 2024,
      school_code: '3301100001',
      students_primary: 1200,
      students_junior: 0,
      students_senior: 0,
      classes_primary: 27,
      classes_junior: 0,
      teachers_primary: 68,
      teachers_junior: 0,
      higher_degree_teachers_primary: 65,
      higher_degree_teachers_junior: 0,
      backbone_teachers_primary: 14,
      backbone_teachers_junior: 0,
      pe_art_teachers_primary: 12,
      pe_art_teachers_junior: 0,
      senior_title_teachers_primary: 40,
      senior_title_teachers_junior: 0,
      certified_teachers: 68,
      rotation_eligible_teachers: 20,
      teaching_room_area: 6200.5,
      sports_area: 9800,
      equipment_value: 2850000,
      multimedia_rooms: 30,
      computers: 260,
      books: 42000,
      music_rooms: 3,
      art_rooms: 3,
      max_class_size: 45,
      classes_56_65: 0,
      classes_66_plus: 0,
      max_class_size_primary: 45,
      classes_56_65_primary: 0,
      classes_66_plus_primary: 0,
      max_class_size_junior: '',
      classes_56_65_junior: '',
      classes_66_plus_junior: '',
    },
    {
      year: 2024,
      school_code: '3301100002',
      students_primary: 420,
      students_junior: 380,
      students_senior: 0,
      classes_primary: 12,
      classes_junior: 10,
      teachers_primary: 30,
      teachers_junior: 32,
      higher_degree_teachers_primary: 29,
      higher_degree_teachers_junior: 31,
      backbone_teachers_primary: 5,
      backbone_teachers_junior: 6,
      pe_art_teachers_primary: 5,
      pe_art_teachers_junior: 5,
      senior_title_teachers_primary: 18,
      senior_title_teachers_junior: 20,
      certified_teachers: 62,
      rotation_eligible_teachers: 15,
      teaching_room_area: 5100,
      sports_area: 8800,
      equipment_value: 2100000,
      multimedia_rooms: 24,
      computers: 180,
      books: 36000,
      music_rooms: 2,
      art_rooms: 2,
      max_class_size: 48,
      classes_56_65: 0,
      classes_66_plus: 0,
      max_class_size_primary: 44,
      classes_56_65_primary: 0,
      classes_66_plus_primary: 0,
      max_class_size_junior: 48,
      classes_56_65_junior: 0,
      classes_66_plus_junior: 0,
    },
  ],
  rotations: [
    {
      year: 2024,
      teacher_ref: 'T2024-001',
      from_school_code: '3301100001',
      to_school_code: '3301100002',
      backbone: '是',
      months: 12,
    },
    {
      year: 2024,
      teacher_ref: 'T2024-002',
      from_school_code: '3301100002',
      to_school_code: '3301100001',
      backbone: '否',
      months: '',
    },
  ],
};

const TYPE_ZH: Record<ColumnType, string> = {
  text: '文本',
  code: '代码（文本）',
  integer: '整数',
  decimal: '数值',
  money: '金额',
  boolean: '是/否',
  enum: '选项',
};

const DESCRIPTIONS: Record<string, string> = {
  school_code: '教育事业统计中的学校标识码（10 位），每校唯一；请保持为文本，勿转为科学计数法',
  school_name: '学校全称',
  district_code: '6 位统计用区划代码（区县）',
  district_name: '区县名称',
  township_code: '9 位统计用区划代码（乡镇/街道）：区县代码 + 3 位（001–099 街道，100–199 镇，200–399 乡）',
  township_name: '乡镇/街道名称',
  urban_rural_code: '学校所在地的统计用城乡分类代码（111、112 城区；121、122、123 镇区；210、220 乡村）',
  school_type: '按教育事业统计口径的办学类型；九年一贯制、十二年一贯制、完全中学按学段分别计入',
  ownership: '办学性质：公办或民办',
  boarding: '是否为寄宿制学校',
  parent_school_code: '教学点所属（管理）学校的学校标识码；非教学点留空',
  group_name: '所属学区或教育集团，可留空',
  city_name: '区县所属地市（地级市）名称，可留空；地市代码为区县代码前4位，用于“多县对比”按地市筛选',
  merged_into_code:
    '学校被撤并时，填写并入的（本县）学校的学校标识码；自撤销年份起其学生计入该校。未撤并留空（也可填“撤并入学校代码”）',
  closed_year:
    '学校撤销（停办、撤并）的年份：该校不再单独统计的第一年（四位年份，如 2025；表头也可写“停办年份”）。未撤销留空；撤并而未填年份时取本次导入统计数据的最新年度',
  year: '统计年度（四位年份，如 2024）',
  students_primary: '小学在校生数；没有该学段填 0 或留空',
  students_junior: '初中在校生数；没有该学段填 0 或留空',
  students_senior: '高中在校生数（完全中学、十二年一贯制学校）；没有填 0 或留空',
  classes_primary: '小学教学班数',
  classes_junior: '初中教学班数',
  teachers_primary: '小学专任教师数',
  teachers_junior: '初中专任教师数',
  higher_degree_teachers_primary: '小学学历高于规定学历（专科及以上）的专任教师数，不超过小学专任教师数',
  higher_degree_teachers_junior: '初中学历高于规定学历（本科及以上）的专任教师数，不超过初中专任教师数',
  backbone_teachers_primary: '小学县级及以上骨干教师数，不超过小学专任教师数',
  backbone_teachers_junior: '初中县级及以上骨干教师数，不超过初中专任教师数',
  pe_art_teachers_primary: '小学体育、音乐、美术专任教师数',
  pe_art_teachers_junior: '初中体育、音乐、美术专任教师数',
  senior_title_teachers_primary: '小学中级及以上专业技术职务专任教师数',
  senior_title_teachers_junior: '初中中级及以上专业技术职务专任教师数',
  certified_teachers: '持有教师资格证的专任教师数，不超过小学与初中专任教师数之和',
  rotation_eligible_teachers: '符合交流轮岗条件的教师数（一般为在同一学校任教满 6 年）',
  teaching_room_area: '教学及辅助用房面积',
  sports_area: '体育运动场馆面积（运动场 + 体育馆）',
  equipment_value: '教学仪器设备资产值；表头写「(万元)」时按万元换算为元',
  multimedia_rooms: '网络多媒体教室间数',
  computers: '计算机台数',
  books: '图书册数',
  music_rooms: '音乐专用教室间数',
  art_rooms: '美术专用教室间数',
  max_class_size: '全校最大班额（人）；选填，留空为无数据（不按 0 计）',
  classes_56_65: '全校班额 56–65 人的班数；选填，留空为无数据',
  classes_66_plus: '全校班额 66 人及以上的班数；选填，留空为无数据',
  max_class_size_primary: '小学部最大班额（人），按小学 ≤ 45 人判断；选填，有则优先于全校数据',
  classes_56_65_primary: '小学班额 56–65 人的班数；选填',
  classes_66_plus_primary: '小学班额 66 人及以上的班数；选填',
  max_class_size_junior: '初中部最大班额（人），按初中 ≤ 50 人判断；选填，有则优先于全校数据',
  classes_56_65_junior: '初中班额 56–65 人的班数；选填',
  classes_66_plus_junior: '初中班额 66 人及以上的班数；选填',
  teacher_ref: '教师编号（化名编号，勿填写身份证号）',
  from_school_code: '派出学校的学校标识码',
  to_school_code: '接收学校的学校标识码',
  backbone: '该教师是否为县级及以上骨干教师',
  months: '交流时长（月），可留空',
};

/** Allowed values of a column as a list (for the 说明 sheet and the XLSX drop-downs); null for free values. */
function allowedValues(column: ColumnDefinition): string[] | null {
  if (column.key === 'school_type') return SCHOOL_TYPES.map((t) => SCHOOL_TYPE_LABELS[t].zh);
  if (column.key === 'ownership') return OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o].zh);
  if (column.key === 'urban_rural_code') return [...URBAN_RURAL_CODES];
  if (column.type === 'boolean') return ['是', '否'];
  return null;
}

function allowedText(column: ColumnDefinition): string {
  if (column.key === 'school_type') {
    return `${SCHOOL_TYPES.map((t) => SCHOOL_TYPE_LABELS[t].zh).join('、')}（也可填 ${SCHOOL_TYPES.join('、')}）`;
  }
  if (column.key === 'ownership') return '公办、民办（也可填 public、private）';
  if (column.key === 'urban_rural_code') {
    return URBAN_RURAL_CODES.map((c) => `${c} ${URBAN_RURAL_CODE_LABELS[c]}`).join('；');
  }
  if (column.type === 'boolean') return '是、否（也可填 Y/N、1/0）';
  if (column.type === 'money') return `单位：${column.unit ?? '元'}（表头写 万元 时自动换算）；非负数`;
  if (column.type === 'decimal') return `单位：${column.unit ?? ''}；非负数`;
  if (column.type === 'integer') return column.key === 'year' ? '2000–2100' : '非负整数';
  return '';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function buildCsv(kind: ImportKind): Buffer {
  const columns = IMPORT_COLUMNS[kind];
  const lines = [columns.map((c) => csvField(templateHeader(c))).join(',')];
  for (const example of TEMPLATE_EXAMPLES[kind]) {
    lines.push(columns.map((c) => csvField(String(example[c.key] ?? ''))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const EXAMPLE_ROWS_WITH_VALIDATION = 2000;

/** Display width of a text in Excel column units (CJK characters count double). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

async function buildXlsx(kind: ImportKind): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = '均衡 Junheng';
  workbook.created = new Date(Date.UTC(2024, 0, 1));

  const data = workbook.addWorksheet('数据', {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...printPageSetup({ titleRows: [1, 1], lang: 'zh' }),
  });
  data.columns = columns.map((c) => {
    const header = templateHeader(c);
    const examples = TEMPLATE_EXAMPLES[kind].map((e) => String(e[c.key] ?? ''));
    const width = Math.min(40, Math.max(10, ...[header, ...examples].map(textWidth)) + 2);
    return {
      header,
      key: c.key,
      width,
      // Codes stay text in Excel (no 3.30999E+11, no lost leading zeros).
      ...(c.type === 'code' ? { style: { numFmt: '@' } } : {}),
    };
  });
  const headerRow = data.getRow(1);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  for (const example of TEMPLATE_EXAMPLES[kind]) {
    const values: Record<string, string | number | null> = {};
    for (const c of columns) {
      const v = example[c.key];
      values[c.key] = v === undefined || v === '' ? null : c.type === 'code' ? String(v) : v;
    }
    data.addRow(values);
  }
  const validations = (
    data as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    const allowed = allowedValues(c);
    if (!allowed) return;
    const letter = columnLetter(i);
    validations.add(`${letter}2:${letter}${EXAMPLE_ROWS_WITH_VALIDATION}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${allowed.join(',')}"`],
      showErrorMessage: c.type !== 'enum',
      errorTitle: '取值不在列表中',
      error: `请从列表中选择：${allowed.join('、')}`,
    });
  });

  const help = workbook.addWorksheet('说明', {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...printPageSetup({ titleRows: [1, 1], lang: 'zh' }),
  });
  help.columns = [
    { header: '中文表头', key: 'zh', width: 30 },
    { header: '英文键名', key: 'key', width: 32 },
    { header: '类型', key: 'type', width: 12 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '取值 / 单位', key: 'allowed', width: 60 },
    { header: '说明', key: 'description', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const c of columns) {
    help.addRow({
      zh: templateHeader(c),
      key: c.key,
      type: TYPE_ZH[c.type],
      required: c.required ? '必填' : '选填',
      allowed: allowedText(c),
      description: DESCRIPTIONS[c.key] ?? '',
    });
  }
  help.addRow({});
  help.addRow({
    zh: '填写说明',
    description:
      '表头可以用中文或英文键名，列的顺序不限；第 1 行为表头，从第 2 行起每行一条记录（示例行请替换为实际数据）。' +
      '也可导出为 CSV（UTF-8 或 GBK 编码均可）。同一学校同一年度重新导入时，以新数据替换旧数据。',
  });
  help.getColumn('description').alignment = { wrapText: true, vertical: 'top' };

  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** A downloadable import template: header row with Chinese headers (units in brackets) and two example rows. */
export async function buildTemplate(kind: ImportKind, format: TemplateFormat): Promise<TemplateFile> {
  const fileName = `${IMPORT_KIND_ZH[kind]}模板.${format}`;
  if (format === 'csv') return { fileName, contentType: CSV_CONTENT_TYPE, body: buildCsv(kind) };
  return { fileName, contentType: XLSX_CONTENT_TYPE, body: await buildXlsx(kind) };
}
