import { ImportFileError } from '../import-file-error.ts';
import { CORRUPT_XLSX_MESSAGE } from '../read-table.ts';
import { checkXlsxLimits, readZipDirectory, readZipEntry, XLSX_LIMITS, type ZipEntryInfo } from '../xlsx-guard.ts';

/**
 * The cell texts of every sheet of an XLSX, read straight from its XML: a statistics workbook is ten small forms, and
 * ExcelJS took ~57 ms to load one (styles, drawings, a full object model), 17 s for a county of 300 schools. This
 * reads only the sheet names, the shared strings, the cells' values and the merged ranges, after the same guard
 * (checkXlsxLimits) as every XLSX upload, each part inflated with a hard limit.
 */
export interface SheetCells {
  name: string;
  /** Cell texts by row number, then column number (both 1-based); empty cells left out. */
  rows: Map<number, Map<number, string>>;
  /** Merged ranges, 1-based and inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e.toLowerCase()] ?? '';
  });
}

/** Column letters (A, AB) to a 1-based number. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { col: columnNumber(m[1] as string), row: Number(m[2]) } : null;
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, without phonetic guides (`<rPh>`). */
function runsText(xml: string): string {
  let text = '';
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) text += decodeXml(m[1] ?? '');
  return text;
}

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`);
    ATTRIBUTES.set(name, pattern);
  }
  const m = pattern.exec(tag);
  return m ? decodeXml(m[1] as string) : undefined;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Reads every worksheet's cells. Throws ImportFileError for a file that is too large or not a readable XLSX. */
export function readXlsxCells(bytes: Uint8Array): SheetCells[] {
  checkXlsxLimits(bytes);
  const entries = readZipDirectory(bytes);
  if (entries === null) throw new ImportFileError('corrupt_xlsx', CORRUPT_XLSX_MESSAGE);
  const byName = new Map<string, ZipEntryInfo>(entries.map((e) => [e.name, e]));
  let budget = XLSX_LIMITS.uncompressedBytes;
  const part = (name: string): string | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    const data = readZipEntry(bytes, entry, budget);
    if (data === null) throw new ImportFileError('corrupt_xlsx', CORRUPT_XLSX_MESSAGE);
    budget -= data.length;
    return data.toString('utf8');
  };
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new ImportFileError('corrupt_xlsx', CORRUPT_XLSX_MESSAGE);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const shared: string[] = [];
  const sharedXml = part('xl/sharedStrings.xml');
  if (sharedXml !== null)
    for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(runsText(m[1] ?? ''));

  const sheets: SheetCells[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\/?>/g)) {
    const name = attribute(m[0], 'name') ?? '';
    const id = attribute(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    const xml = path ? part(path) : null;
    if (xml === null) continue;
    sheets.push({ name, ...readSheet(xml, shared) });
  }
  return sheets;
}

function readSheet(xml: string, shared: readonly string[]): Omit<SheetCells, 'name'> {
  const rows = new Map<number, Map<number, string>>();
  let rowNumber = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attribute(rowMatch[1] ?? '', 'r');
    rowNumber = r ? Number(r) : rowNumber + 1;
    const body = rowMatch[2];
    if (!body) continue;
    const cells = new Map<number, string>();
    let col = 0;
    for (const c of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = attribute(attrs, 'r');
      col = ref ? (parseRef(ref)?.col ?? col + 1) : col + 1;
      const inner = c[2];
      if (!inner) continue;
      const type = attribute(attrs, 't');
      let text: string;
      if (type === 'inlineStr') text = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (v === undefined) continue;
        if (type === 's') text = shared[Number(v)] ?? '';
        else if (type === 'b') text = v === '1' ? 'true' : 'false';
        else text = decodeXml(v);
      }
      const trimmed = text.trim();
      if (trimmed !== '') cells.set(col, trimmed);
    }
    if (cells.size > 0) rows.set(rowNumber, cells);
  }
  const merges: SheetCells['merges'] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\sref="([A-Z$]+\d+):([A-Z$]+\d+)"/g)) {
    const a = parseRef(m[1] as string);
    const b = parseRef(m[2] as string);
    if (a && b) merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return { rows, merges };
}
