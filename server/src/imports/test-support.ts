/**
 * Helpers for the import tests: build CSV/XLSX files and valid canonical rows.
 * (Not a test file itself; only imported by *.test.ts.)
 */
import {
  type ColumnDefinition,
  IMPORT_COLUMNS,
  type ImportKind,
  type RotationRow,
  type SchoolRow,
  type SchoolStatRow,
} from '@junheng/shared';
import ExcelJS from 'exceljs';
import { templateHeader } from './templates.ts';
import type { ImportContext } from './validate-import.ts';

export type Cell = string | number | boolean | Date | null | ExcelJS.CellValue;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text from rows of cells (no BOM, LF line ends). */
export function csvText(rows: readonly (readonly (string | number)[])[], eol = '\n'): string {
  return rows.map((r) => r.map((c) => csvField(String(c))).join(',')).join(eol) + eol;
}

export function utf8(text: string, bom = false): Uint8Array {
  return new Uint8Array(Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8'));
}

/** An XLSX file whose first sheet holds the given rows (row 1 = first array). */
export async function xlsxBytes(
  rows: readonly (readonly Cell[])[],
  options: { sheetName?: string; extraSheetFirst?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  rows.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, c) => {
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value as ExcelJS.CellValue;
    });
    row.commit();
  });
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

export function zhHeaders(kind: ImportKind): string[] {
  return IMPORT_COLUMNS[kind].map(templateHeader);
}

export function keyHeaders(kind: ImportKind): string[] {
  return IMPORT_COLUMNS[kind].map((c) => c.key);
}

export function columnOf(kind: ImportKind, key: string): ColumnDefinition {
  const column = IMPORT_COLUMNS[kind].find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column;
}

export function school(overrides: Partial<SchoolRow> = {}): SchoolRow {
  return {
    schoolCode: '3301100001',
    schoolName: '示例县实验小学',
    districtCode: '330110',
    districtName: '示例县',
    townshipCode: '330110001',
    townshipName: '城关街道',
    urbanRuralCode: '111',
    schoolType: 'primary',
    ownership: 'public',
    boarding: false,
    parentSchoolCode: null,
    groupName: null,
    ...overrides,
  };
}

export function stat(overrides: Partial<SchoolStatRow> = {}): SchoolStatRow {
  return {
    year: 2024,
    schoolCode: '3301100001',
    studentsPrimary: 600,
    studentsJunior: 0,
    studentsSenior: 0,
    classesPrimary: 14,
    classesJunior: 0,
    teachersPrimary: 40,
    teachersJunior: 0,
    higherDegreeTeachersPrimary: 38,
    higherDegreeTeachersJunior: 0,
    backboneTeachersPrimary: 8,
    backboneTeachersJunior: 0,
    peArtTeachersPrimary: 6,
    peArtTeachersJunior: 0,
    seniorTitleTeachersPrimary: 20,
    seniorTitleTeachersJunior: 0,
    certifiedTeachers: 40,
    rotationEligibleTeachers: 10,
    teachingRoomArea: 3000,
    sportsArea: 5000,
    equipmentValue: 1_500_000,
    multimediaRooms: 15,
    computers: 120,
    books: 20_000,
    musicRooms: 2,
    artRooms: 2,
    maxClassSize: 44,
    classes56To65: 0,
    classes66Plus: 0,
    maxClassSizePrimary: null,
    classes56To65Primary: null,
    classes66PlusPrimary: null,
    maxClassSizeJunior: null,
    classes56To65Junior: null,
    classes66PlusJunior: null,
    ...overrides,
  };
}

export function rotation(overrides: Partial<RotationRow> = {}): RotationRow {
  return {
    year: 2024,
    teacherRef: 'T001',
    fromSchoolCode: '3301100001',
    toSchoolCode: '3301100002',
    backbone: false,
    months: 12,
    ...overrides,
  };
}

const cellOf = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
};

/** Cells of canonical rows in the column order of the kind (field values as CSV text). */
export function rowsToCells<K extends ImportKind>(kind: K, rows: readonly object[]): string[][] {
  return rows.map((r) => IMPORT_COLUMNS[kind].map((c) => cellOf((r as Record<string, unknown>)[c.field])));
}

/** A CSV file (UTF-8 with BOM, Chinese headers) of canonical rows. */
export function csvOf(kind: ImportKind, rows: readonly object[], headers = zhHeaders(kind)): Uint8Array {
  return utf8(csvText([headers, ...rowsToCells(kind, rows)]), true);
}

export function context(codes: readonly string[] = [], previous: readonly SchoolStatRow[] = []): ImportContext {
  return {
    knownSchoolCodes: new Set(codes),
    previousStats: new Map(previous.map((s) => [`${s.schoolCode}:${s.year}`, s])),
  };
}
