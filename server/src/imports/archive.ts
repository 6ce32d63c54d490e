import iconv from 'iconv-lite';
import { ImportFileError } from './import-file-error.ts';
import type { IssueCollector } from './issues.ts';
import type { UploadedImportFile } from './validate-import.ts';
import { readZipDirectory, readZipEntry, type ZipEntryInfo } from './xlsx-guard.ts';

/**
 * A .zip of files to import (issue #13: a county's 300 school workbooks in one archive), expanded before reading, with
 * the guards of an XLSX (issue #10): at most so many entries and bytes once inflated (each entry inflated with a hard
 * limit, whatever its header declares), no archive inside the archive, and no entry whose path leaves the archive
 * (`../`, an absolute path): those are ignored with a warning. Entries are named `archive.zip/学校A.xlsx`.
 */
export const ARCHIVE_LIMITS = {
  /** Files in one archive (a county has a few hundred schools). */
  entries: 2000,
  /** All entries together, inflated. */
  uncompressedBytes: 256 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;
const TABLE_FILE = /\.(?:xlsx|xlsm|xls|csv|txt)$/i;

function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** A zip that is not itself an XLSX (an XLSX is a zip holding `[Content_Types].xml`). */
export function isZipArchive(name: string, bytes: Uint8Array): boolean {
  if (!hasZipMagic(bytes)) return false;
  const entries = readZipDirectory(bytes);
  if (entries === null) return /\.zip$/i.test(name);
  return !entries.some((e) => e.name === '[Content_Types].xml');
}

/** An entry's name: UTF-8 when flagged (or valid), else GBK, as zips made on Chinese Windows write it. */
function entryName(entry: ZipEntryInfo): string {
  if ((entry.flags & 0x800) !== 0) return entry.name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(entry.nameBytes);
  } catch {
    return iconv.decode(Buffer.from(entry.nameBytes), 'gbk');
  }
}

/** The entry's path inside the archive, or null when it would leave it (absolute, a drive, `..`). */
function safePath(name: string): string | null {
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return null;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts.join('/');
}

/** Files an archive expands to; the archive's own problems are reported to `issues` (as errors of the archive). */
function expandArchive(archive: UploadedImportFile, issues: IssueCollector): UploadedImportFile[] {
  const fail = (message: string) => {
    issues.error({ file: archive.name, row: null, column: null, value: null, message });
    return [];
  };
  const errorsBefore = issues.errorCount;
  const entries = readZipDirectory(archive.bytes);
  if (entries === null) return fail('压缩包已损坏或不完整，无法读取：请重新压缩后再上传');
  const files = entries.filter((e) => !e.name.endsWith('/'));
  if (files.length > ARCHIVE_LIMITS.entries) {
    return fail(`压缩包含有 ${files.length} 个文件，超过 ${ARCHIVE_LIMITS.entries} 个上限：请分成几个压缩包上传`);
  }
  const declared = files.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const limitMb = ARCHIVE_LIMITS.uncompressedBytes / MB;
  if (declared > ARCHIVE_LIMITS.uncompressedBytes) {
    return fail(`压缩包解压后约 ${Math.ceil(declared / MB)} MB，超过 ${limitMb} MB 上限：请分成几个压缩包上传`);
  }
  const out: UploadedImportFile[] = [];
  let budget = ARCHIVE_LIMITS.uncompressedBytes;
  for (const entry of files) {
    const name = entryName(entry);
    const path = safePath(name);
    const base = name.split(/[\\/]/).pop() ?? '';
    if (path === null) {
      issues.warning({
        file: archive.name,
        row: null,
        column: null,
        value: name,
        message: `压缩包中的「${name}」路径指向压缩包之外，已忽略`,
      });
      continue;
    }
    // Folders of macOS resource forks, hidden files and Excel's lock files (~$学校.xlsx) are not data.
    if (path.startsWith('__MACOSX/') || base.startsWith('.') || base.startsWith('~$')) continue;
    const shown = `${archive.name}/${path}`;
    if (/\.(?:zip|rar|7z|gz|tar)$/i.test(base)) {
      issues.error({
        file: shown,
        row: null,
        column: null,
        value: null,
        message: '压缩包中的压缩包不会展开：请解压后把其中的文件直接放进一个压缩包',
      });
      continue;
    }
    if (!TABLE_FILE.test(base)) {
      issues.warning({
        file: shown,
        row: null,
        column: null,
        value: null,
        message: '不是 XLSX 或 CSV 文件，已忽略',
      });
      continue;
    }
    if ((entry.flags & 0x1) !== 0) {
      issues.error({
        file: shown,
        row: null,
        column: null,
        value: null,
        message: '压缩包中的文件已加密：请压缩时不要设置密码',
      });
      continue;
    }
    let bytes: Buffer | null;
    try {
      bytes = readZipEntry(archive.bytes, entry, budget);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      bytes = null;
    }
    if (bytes === null) {
      // Either more than the budget left (whatever the entry declared) or data that cannot be found: stop either way.
      return fail(`压缩包解压后超过 ${limitMb} MB 上限，或其中的「${path}」已损坏：请检查后重新压缩`);
    }
    budget -= bytes.length;
    if (isZipArchive(base, bytes)) {
      issues.error({
        file: shown,
        row: null,
        column: null,
        value: null,
        message: '压缩包中的压缩包不会展开：请解压后把其中的文件直接放进一个压缩包',
      });
      continue;
    }
    out.push({ name: shown, bytes: new Uint8Array(bytes) });
  }
  if (out.length === 0 && issues.errorCount === errorsBefore) {
    issues.error({
      file: archive.name,
      row: null,
      column: null,
      value: null,
      message: '压缩包中没有 XLSX 或 CSV 文件',
    });
  }
  return out;
}

/** The uploaded files with every .zip replaced by the files inside it (in the order of the archive). */
export function expandArchives(files: readonly UploadedImportFile[], issues: IssueCollector): UploadedImportFile[] {
  const out: UploadedImportFile[] = [];
  for (const file of files) {
    if (isZipArchive(file.name, file.bytes)) out.push(...expandArchive(file, issues));
    else out.push(file);
  }
  return out;
}
