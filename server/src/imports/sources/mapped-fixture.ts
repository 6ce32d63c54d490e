/**
 * A statistics table as a county office keeps it, not in our template (issue #13 point 3): a title row, a two-row
 * header with merged group cells (在校学生 > 小学 …), its own column names and equipment in 万元. The mapping tests
 * (unit, API, CLI, browser) build files with it. (Not a test file itself; only imported by tests.)
 */
import {
  HEADER_PATH_SEPARATOR,
  type ImportMappingInput,
  SCHOOL_STAT_COLUMNS,
  type SchoolStatRow,
} from '@junheng/shared';
import ExcelJS from 'exceljs';

/** The header path of each statistics column in the office's table (group, then leaf). */
export const OFFICE_STAT_PATHS: Readonly<Record<string, readonly string[]>> = {
  year: ['统计年度'],
  school_code: ['学校代码'],
  students_primary: ['在校学生', '小学'],
  students_junior: ['在校学生', '初中'],
  students_senior: ['在校学生', '高中'],
  classes_primary: ['教学班', '小学'],
  classes_junior: ['教学班', '初中'],
  teachers_primary: ['专任教师', '小学'],
  teachers_junior: ['专任教师', '初中'],
  higher_degree_teachers_primary: ['高学历教师', '小学'],
  higher_degree_teachers_junior: ['高学历教师', '初中'],
  backbone_teachers_primary: ['骨干教师', '小学'],
  backbone_teachers_junior: ['骨干教师', '初中'],
  pe_art_teachers_primary: ['体艺教师', '小学'],
  pe_art_teachers_junior: ['体艺教师', '初中'],
  senior_title_teachers_primary: ['中级职称教师', '小学'],
  senior_title_teachers_junior: ['中级职称教师', '初中'],
  certified_teachers: ['持证教师'],
  rotation_eligible_teachers: ['应交流教师'],
  teaching_room_area: ['校舍', '教辅用房(平方米)'],
  sports_area: ['校舍', '体育场馆(平方米)'],
  equipment_value: ['仪器设备(万元)'],
  multimedia_rooms: ['多媒体教室'],
  computers: ['电脑台数'],
  books: ['藏书(册)'],
  music_rooms: ['专用教室', '音乐'],
  art_rooms: ['专用教室', '美术'],
  max_class_size: ['全校班额', '最大班额'],
  classes_56_65: ['全校班额', '大班额班数'],
  classes_66_plus: ['全校班额', '超大班额班数'],
  max_class_size_primary: ['小学班额', '最大班额'],
  classes_56_65_primary: ['小学班额', '大班额班数'],
  classes_66_plus_primary: ['小学班额', '超大班额班数'],
  max_class_size_junior: ['初中班额', '最大班额'],
  classes_56_65_junior: ['初中班额', '大班额班数'],
  classes_66_plus_junior: ['初中班额', '超大班额班数'],
};

/** A column the office adds that we do not import. */
const EXTRA_COLUMN = ['学校名称'];

const KEYS = Object.keys(OFFICE_STAT_PATHS);
const FIELD_OF = new Map(SCHOOL_STAT_COLUMNS.map((c) => [c.key, c.field]));

export const officeLabel = (key: string) => (OFFICE_STAT_PATHS[key] ?? []).join(HEADER_PATH_SEPARATOR);

/** Header paths of the table, in column order (the school name is the second column). */
export function officeSignature(): string[] {
  const [first, ...rest] = KEYS.map(officeLabel);
  return [first as string, EXTRA_COLUMN.join(HEADER_PATH_SEPARATOR), ...rest];
}

/** The preset an analyst makes for the office table. */
export function officePreset(name: string, districtCode: string | null = null): ImportMappingInput {
  return {
    name,
    kind: 'school_stats',
    signature: officeSignature(),
    columns: Object.fromEntries(KEYS.map((k) => [k, officeLabel(k)])),
    firstDataRow: 4,
    districtCode,
  };
}

/**
 * The office table as XLSX: row 1 a merged title, rows 2–3 the header (groups merged over their columns, single
 * columns merged over both rows), data from row 4. `names` gives the school names (else the code).
 */
export async function officeStatsWorkbook(
  rows: readonly SchoolStatRow[],
  options: { title?: string; names?: Readonly<Record<string, string>> } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学校统计');
  const paths = [
    OFFICE_STAT_PATHS.year as readonly string[],
    EXTRA_COLUMN,
    ...KEYS.slice(1).map((k) => OFFICE_STAT_PATHS[k] as readonly string[]),
  ];
  const width = paths.length;
  sheet.getCell(1, 1).value = options.title ?? '学校基本情况统计表';
  sheet.mergeCells(1, 1, 1, width);
  let c = 0;
  while (c < paths.length) {
    const path = paths[c] as readonly string[];
    if (path.length === 1) {
      sheet.getCell(2, c + 1).value = path[0] as string;
      sheet.mergeCells(2, c + 1, 3, c + 1);
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < paths.length && (paths[end + 1] as readonly string[])[0] === path[0]) end++;
    sheet.getCell(2, c + 1).value = path[0] as string;
    if (end > c) sheet.mergeCells(2, c + 1, 2, end + 1);
    for (let i = c; i <= end; i++) sheet.getCell(3, i + 1).value = (paths[i] as readonly string[])[1] as string;
    c = end + 1;
  }
  rows.forEach((row, r) => {
    const excelRow = sheet.getRow(4 + r);
    excelRow.getCell(1).value = row.year;
    excelRow.getCell(2).value = options.names?.[row.schoolCode] ?? row.schoolCode;
    // The school code as text, as offices keep it.
    excelRow.getCell(3).value = row.schoolCode;
    KEYS.slice(2).forEach((key, i) => {
      const value = row[FIELD_OF.get(key) as keyof SchoolStatRow] as number | null;
      // An unknown class size (null) is a blank cell.
      if (value !== null) excelRow.getCell(4 + i).value = key === 'equipment_value' ? value / 10_000 : value;
    });
    excelRow.commit();
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
