import zlib from 'node:zlib';
import { ImportFileError } from './import-file-error.ts';

/**
 * What an uploaded XLSX may hold, checked before ExcelJS inflates it (issue #10: a 1.5 MB zip bomb reached 3.1 GB).
 * A county's statistics (a few thousand schools × 35 columns) are a few MB of sheet XML, far below these.
 */
export const XLSX_LIMITS = {
  /** All parts of the zip together, uncompressed. */
  uncompressedBytes: 48 * 1024 * 1024,
  entries: 1000,
  rows: 50_000,
  columns: 256,
} as const;

const MB = 1024 * 1024;

export const xlsxTooLargeMessage = (what: string) =>
  `XLSX 文件过大：${what}。请删除多余的工作表、行和列，或把数据拆分成多个文件（也可另存为 CSV）后再导入。`;

export interface ZipEntryInfo {
  name: string;
  /** General-purpose flags: bit 11 says the name is UTF-8 (zips made on Chinese Windows write GBK names without it). */
  flags: number;
  /** The name as stored, for decoding it in another encoding. */
  nameBytes: Uint8Array;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The entries of a zip's central directory, or null when there is none to read (a corrupt or truncated zip). */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, view.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = view.length - 22; i >= lowest; i--) {
    if (view.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.readUInt16LE(eocd + 10);
  const size = view.readUInt32LE(eocd + 12);
  const offset = view.readUInt32LE(eocd + 16);
  if (offset + size > view.length) return null;
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.readUInt16LE(p + 28);
    const extraLength = view.readUInt16LE(p + 30);
    const commentLength = view.readUInt16LE(p + 32);
    entries.push({
      name: view.toString('utf8', p + 46, p + 46 + nameLength),
      flags: view.readUInt16LE(p + 8),
      nameBytes: view.subarray(p + 46, p + 46 + nameLength),
      method: view.readUInt16LE(p + 10),
      compressedSize: view.readUInt32LE(p + 20),
      uncompressedSize: view.readUInt32LE(p + 24),
      localHeaderOffset: view.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Buffer, entry: ZipEntryInfo): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

/**
 * One entry of a zip, inflated with a hard limit: null when the entry holds more than `limit` bytes (whatever its
 * declared size says) or its data cannot be found. Throws ImportFileError for data that is not deflate.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, limit: number): Buffer | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = compressedData(view, entry);
  return data === null ? null : inflateAtMost(data, entry.method, limit);
}

/** Inflates at most `limit` bytes of an entry; null when it holds more (the declared size lied). */
function inflateAtMost(data: Buffer, method: number, limit: number): Buffer | null {
  if (method === 0) return data.length > limit ? null : data;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return null;
    throw new ImportFileError('corrupt_xlsx', 'XLSX 文件已损坏', { cause: error });
  }
}

/** Column letters to a 1-based number: A → 1, AH → 34. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** Rows and columns a `<dimension ref="A1:AH3001"/>` element declares, if the sheet has one near its start. */
export function sheetDimension(xmlStart: string): { rows: number; columns: number } | null {
  const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"/.exec(xmlStart);
  if (!ref) return null;
  const lastColumn = ref[3] ?? ref[1] ?? 'A';
  const lastRow = ref[4] ?? ref[2] ?? '1';
  return { rows: Number(lastRow), columns: columnNumber(lastColumn) };
}

/** `<row` elements in a sheet's XML. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i !== -1; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Refuses an XLSX that would take more than XLSX_LIMITS to read, with a message the analyst can act on, before
 * anything is inflated without a bound: first by the sizes its central directory declares and the `<dimension>` of
 * each sheet, then by inflating each part with a hard output limit (declared sizes can lie) and counting its rows.
 */
export function checkXlsxLimits(bytes: Uint8Array): void {
  const entries = readZipDirectory(bytes);
  if (entries === null) return; // Not readable as a zip: ExcelJS reports it as corrupt.
  if (entries.length > XLSX_LIMITS.entries) {
    throw new ImportFileError('too_large', xlsxTooLargeMessage(`含有 ${entries.length} 个部件`));
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const limitMb = XLSX_LIMITS.uncompressedBytes / MB;
  if (declared > XLSX_LIMITS.uncompressedBytes) {
    throw new ImportFileError(
      'too_large',
      xlsxTooLargeMessage(`解压后约 ${Math.ceil(declared / MB)} MB，超过 ${limitMb} MB 上限`),
    );
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sheets = entries.filter((e) => WORKSHEET.test(e.name));
  // The declared dimensions first: a peek at the start of each sheet (1000 compressed bytes inflate to at most ~1 MB).
  for (const sheet of sheets) {
    const data = compressedData(view, sheet);
    if (!data || sheet.method !== 8) continue;
    let head: Buffer;
    try {
      head = zlib.inflateRawSync(data.subarray(0, 1000), {
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        maxOutputLength: MB,
      });
    } catch {
      continue; // Not deflate data: the bounded pass below decides.
    }
    checkDimension(sheet.name, sheetDimension(head.toString('utf8', 0, Math.min(head.length, 64 * 1024))));
  }
  // Then the real sizes, each part inflated with a hard limit on what all of them may add up to.
  let budget = XLSX_LIMITS.uncompressedBytes;
  for (const entry of entries) {
    const data = compressedData(view, entry);
    if (!data) continue;
    const inflated = inflateAtMost(data, entry.method, budget);
    if (inflated === null) {
      throw new ImportFileError('too_large', xlsxTooLargeMessage(`解压后超过 ${limitMb} MB 上限`));
    }
    budget -= inflated.length;
    if (WORKSHEET.test(entry.name)) checkDimension(entry.name, { rows: countRows(inflated), columns: 0 });
  }
}

function checkDimension(sheet: string, dimension: { rows: number; columns: number } | null): void {
  if (!dimension) return;
  const name = sheet.replace(/^xl\/worksheets\//, '').replace(/\.xml$/, '');
  if (dimension.rows > XLSX_LIMITS.rows) {
    throw new ImportFileError(
      'too_large',
      xlsxTooLargeMessage(`工作表 ${name} 有 ${dimension.rows} 行，超过 ${XLSX_LIMITS.rows} 行上限`),
    );
  }
  if (dimension.columns > XLSX_LIMITS.columns) {
    throw new ImportFileError(
      'too_large',
      xlsxTooLargeMessage(`工作表 ${name} 有 ${dimension.columns} 列，超过 ${XLSX_LIMITS.columns} 列上限`),
    );
  }
}
