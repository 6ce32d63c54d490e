/**
 * Helpers for the import tests: build CSV/XLSX files and valid canonical rows.
 * (Not a test file itself; only imported by *.test.ts.)
 */

import zlib from 'node:zlib';
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
    cityName: null,
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

/** A zip entry for `zipBytes`: `head`, then `repeat` copies of `chunk`, then `tail` (a zip bomb is cheap to build). */
export interface ZipEntry {
  name: string;
  head?: string;
  chunk: string;
  repeat?: number;
  tail?: string;
  /** Written into the headers instead of the real uncompressed size (a lying zip). */
  declaredSize?: number;
}

const deflatePiece = (bytes: Buffer) =>
  zlib.deflateRawSync(bytes, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });

/**
 * A deflated zip (e.g. an XLSX) built without holding the uncompressed content: each piece is deflated with a sync
 * flush, and such pieces concatenate into one valid deflate stream.
 */
export function zipBytes(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const head = Buffer.from(entry.head ?? '', 'utf8');
    const chunk = Buffer.from(entry.chunk, 'utf8');
    const tail = Buffer.from(entry.tail ?? '', 'utf8');
    const repeat = entry.repeat ?? 1;
    const piece = deflatePiece(chunk);
    const data = Buffer.concat([
      deflatePiece(head),
      ...Array.from({ length: repeat }, () => piece),
      deflatePiece(tail),
      Buffer.from([0x03, 0x00]),
    ]);
    let crc = zlib.crc32(head);
    for (let i = 0; i < repeat; i++) crc = zlib.crc32(chunk, crc);
    crc = zlib.crc32(tail, crc);
    const size = entry.declaredSize ?? head.length + chunk.length * repeat + tail.length;
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size >>> 0, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/**
 * An XLSX zip bomb: a small file whose one sheet inflates to about `megabytes` MB of rows holding one long text cell
 * each, optionally with a `<dimension>` element and a lie about its uncompressed size.
 */
export function xlsxBombBytes(options: { megabytes: number; dimension?: string; declaredSize?: number }): Buffer {
  const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(30_000)}</t></is></c></row>`;
  const chunk = row.repeat(100);
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return zipBytes([
    ...Object.entries(XLSX_PARTS).map(([name, chunk]) => ({ name, chunk })),
    {
      name: 'xl/worksheets/sheet1.xml',
      head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>`,
      chunk,
      repeat: Math.max(1, Math.round((options.megabytes * 1024 * 1024) / chunk.length)),
      tail: '</sheetData></worksheet>',
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    },
  ]);
}
