import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { applyDataset, findRotations, findSchools, findStats, UNRESTRICTED_ACCESS } from '@junheng/server';
import { SCHOOL_STAT_COLUMNS, type SchoolRow, type SchoolStatRow } from '@junheng/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { fingerprintDatabase } from '../helpers/fingerprint.ts';

const demo = generateDemoCounty();
const demoCsv = datasetToCsvFiles(demo);
const scope = { districtCode: demo.district.code, access: UNRESTRICTED_ACCESS };

function sortStats(rows: SchoolStatRow[]) {
  return [...rows].sort((a, b) => a.schoolCode.localeCompare(b.schoolCode) || a.year - b.year);
}

/** Replaces one cell of a CSV (row 1 = header, as Excel numbers rows). */
function editCsvCell(csv: string, row: number, header: string, value: string): string {
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  const columns = (lines[0] ?? '').split(',');
  const index = columns.findIndex((c) => c.replace(/"/g, '') === header);
  if (index < 0) throw new Error(`no column ${header}`);
  const cells = (lines[row - 1] ?? '').split(',');
  cells[index] = value;
  lines[row - 1] = cells.join(',');
  return lines.join('\r\n');
}

describe(`imports (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe('the demo county as import files', () => {
    it('should import into an empty database and reproduce the same data', async () => {
      const files = Object.entries(demoCsv).map(([name, text]) => ({ name, bytes: text }));
      const dry = await postFiles(app, files, '?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ applied: false, dryRun: true, errors: [] });
      expect((await fingerprintDatabase(database.db)).school).toBe('0:d41d8cd98f00b204e9800998ecf8427e');

      const res = await postFiles(app, files);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        applied: true,
        errors: [],
        warnings: [],
        counts: { schools: 100, school_stats: 700, rotations: demo.rotations.length },
      });
      expect(res.body.files.map((f: { kind: string }) => f.kind).sort()).toEqual([
        'rotations',
        'school_stats',
        'schools',
      ]);

      const bySchool = (a: SchoolRow, b: SchoolRow) => a.schoolCode.localeCompare(b.schoolCode);
      expect((await findSchools(database.db, scope)).sort(bySchool)).toEqual([...demo.schools].sort(bySchool));
      expect(sortStats(await findStats(database.db, scope))).toEqual(sortStats(demo.stats));
      const rotations = await findRotations(database.db, scope, { from: 2019, to: 2025 });
      const byRef = (a: { year: number; teacherRef: string }, b: { year: number; teacherRef: string }) =>
        a.year - b.year || a.teacherRef.localeCompare(b.teacherRef);
      expect(rotations.sort(byRef)).toEqual([...demo.rotations].sort(byRef));
    });

    it('should replace a school-year when it is imported again', async () => {
      const code = demo.stats[0]?.schoolCode as string;
      const edited = editCsvCell(demoCsv['school_stats.csv'], 2, '图书册数', '12345');
      const res = await postFiles(app, [{ name: 'stats.csv', bytes: edited }]);
      expect(res.status).toBe(200);
      const stats = await findStats(database.db, scope, { from: demo.stats[0]?.year, to: demo.stats[0]?.year });
      expect(stats.find((s) => s.schoolCode === code)?.books).toBe(12345);
      expect(await findStats(database.db, scope)).toHaveLength(700);
    });

    it('should import a GBK CSV with Chinese headers (as Excel on Chinese Windows saves it)', async () => {
      const gbk = iconv.encode(demoCsv['schools.csv'].replace(/^\uFEFF/, ''), 'gbk');
      const res = await postFiles(app, [{ name: '学校.csv', bytes: gbk }], '?dryRun=true');
      expect(res.status).toBe(200);
      expect(res.body.files[0]).toMatchObject({ kind: 'schools', rows: 100 });
      expect(res.body.files[0].encoding).toMatch(/gb/i);
      expect(res.body.errors).toEqual([]);
    });
  });

  describe('bad input', () => {
    let before: Record<string, string>;
    beforeEach(async () => {
      before = await fingerprintDatabase(database.db);
    });

    async function expectRejected(files: { name: string; bytes: Uint8Array | string }[]) {
      const res = await postFiles(app, files);
      expect(res.status).toBe(422);
      expect(res.body.applied).toBe(false);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(await fingerprintDatabase(database.db)).toEqual(before);
      return res.body.errors as { file: string; row: number | null; column: string | null; message: string }[];
    }

    it('should reject an unknown school code in statistics, located by file, row and column', async () => {
      const csv = editCsvCell(demoCsv['school_stats.csv'], 5, '学校标识码', '9999999999');
      const errors = await expectRejected([{ name: 'stats.csv', bytes: csv }]);
      expect(errors).toContainEqual(expect.objectContaining({ file: 'stats.csv', row: 5, column: '学校标识码' }));
    });

    it('should reject an unknown school code in rotations', async () => {
      const csv = editCsvCell(demoCsv['rotations.csv'], 3, '接收学校标识码', 'X404');
      const errors = await expectRejected([{ name: 'rot.csv', bytes: csv }]);
      expect(errors).toContainEqual(expect.objectContaining({ file: 'rot.csv', row: 3, column: '接收学校标识码' }));
    });

    it('should reject a negative count and text in a number column', async () => {
      let csv = editCsvCell(demoCsv['school_stats.csv'], 7, '小学在校生数', '-5');
      csv = editCsvCell(csv, 9, '图书册数', 'abc');
      const errors = await expectRejected([{ name: 's.csv', bytes: csv }]);
      expect(errors).toContainEqual(expect.objectContaining({ row: 7, column: '小学在校生数' }));
      expect(errors).toContainEqual(expect.objectContaining({ row: 9, column: '图书册数' }));
    });

    it('should reject more backbone teachers than teachers', async () => {
      const row = demo.stats.findIndex((s) => s.teachersPrimary > 0) + 2;
      const csv = editCsvCell(demoCsv['school_stats.csv'], row, '小学县级以上骨干教师数', '9999');
      const errors = await expectRejected([{ name: 's.csv', bytes: csv }]);
      expect(errors).toContainEqual(expect.objectContaining({ row, column: '小学县级以上骨干教师数' }));
    });

    it('should reject an unknown urban-rural code and school type', async () => {
      let csv = editCsvCell(demoCsv['schools.csv'], 2, '城乡分类代码', '999');
      csv = editCsvCell(csv, 3, '办学类型', '大学');
      const errors = await expectRejected([{ name: 'schools.csv', bytes: csv }]);
      expect(errors).toContainEqual(expect.objectContaining({ row: 2, column: '城乡分类代码' }));
      expect(errors).toContainEqual(expect.objectContaining({ row: 3, column: '办学类型' }));
    });

    it('should reject duplicate school-year rows inside one file', async () => {
      const lines = demoCsv['school_stats.csv'].split('\r\n');
      const csv = [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\r\n');
      const errors = await expectRejected([{ name: 'dup.csv', bytes: csv }]);
      expect(errors.some((e) => e.row === 4)).toBe(true);
    });

    it('should reject a missing required column', async () => {
      const lines = demoCsv['rotations.csv'].split('\r\n').map((l) => l.split(',').slice(1).join(','));
      const errors = await expectRejected([{ name: 'rot.csv', bytes: lines.join('\r\n') }]);
      expect(errors[0]?.message).toMatch(/缺少|列/);
    });

    it('should reject an empty file, a binary file, a truncated XLSX and an undetectable encoding', async () => {
      for (const file of [
        { name: 'empty.csv', bytes: '' },
        { name: 'image.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]) },
        { name: 'utf16-without-bom.csv', bytes: Buffer.from('学校标识码,学校名称\n', 'utf16le') },
      ]) {
        const errors = await expectRejected([file]);
        expect(errors[0]).toMatchObject({ file: file.name, row: null });
      }
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('数据').addRow(['学校标识码', '学校名称']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const errors = await expectRejected([{ name: 'cut.xlsx', bytes: xlsx.subarray(0, xlsx.length >> 1) }]);
      expect(errors[0]?.message).toMatch(/XLSX/);
    });

    it('should warn about a teacher rotated twice in a year and count them once', async () => {
      const lines = demoCsv['rotations.csv'].split('\r\n');
      const header = lines[0] ?? '';
      const first = lines[1] ?? '';
      const res = await postFiles(
        app,
        [{ name: 'r.csv', bytes: [header, first, first, ''].join('\r\n') }],
        '?dryRun=true',
      );
      expect(res.status).toBe(200);
      expect(res.body.counts.rotations).toBe(1);
      expect(res.body.warnings).toContainEqual(expect.objectContaining({ file: 'r.csv', row: 3 }));
    });

    it('should reject a large import whose last row is bad, and write nothing', async () => {
      const { schools, stats } = buildLargeCounty(3000);
      const files = datasetToCsvFiles({ schools, stats, rotations: [] });
      const lastRow = stats.length + 1;
      const badStats = editCsvCell(files['school_stats.csv'], lastRow, '初中在校生数', '-1');
      const errors = await expectRejected([
        { name: 'schools.csv', bytes: files['schools.csv'] },
        { name: 'stats.csv', bytes: badStats },
      ]);
      expect(errors).toEqual([expect.objectContaining({ file: 'stats.csv', row: lastRow, column: '初中在校生数' })]);
    });

    it('should roll back everything when the database refuses the last row of a large write', async () => {
      const { schools, stats } = buildLargeCounty(3000);
      const last = stats[stats.length - 1] as SchoolStatRow;
      stats[stats.length - 1] = { ...last, backboneTeachersJunior: last.teachersJunior + 1 };
      await expect(
        database.db
          .transaction()
          .execute((trx) =>
            applyDataset(trx, { schools, stats, rotations: [] }, { source: 'cli', files: [], warnings: 0 }),
          ),
      ).rejects.toThrow(/within_teachers/);
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });

    it('should refuse an oversized upload with 413 and a clear message', async () => {
      const small = await startTestApp(database.db, { MAX_UPLOAD_MB: '0.01' });
      try {
        const form = new FormData();
        form.append('files', new Blob(['x'.repeat(50_000)]), 'big.csv');
        const res = await small.fetch(`${small.baseUrl}/api/v1/imports`, { method: 'POST', body: form });
        expect(res.status).toBe(413);
        expect(await res.json()).toEqual({
          error: { code: 'PayloadTooLarge', message: expect.stringContaining('big.csv') },
        });
      } finally {
        await small.close();
      }
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });

    it('should answer 415 for a request that is not multipart', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/imports`, {
        method: 'POST',
        body: 'a,b',
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(415);
    });
  });

  describe('history', () => {
    it('should list the import batches, newest first, with files, checksums and counts', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/imports`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        batches: { id: number; files: { sha256: string }[]; counts: Record<string, number> }[];
      };
      expect(body.batches.length).toBeGreaterThanOrEqual(2);
      expect(body.batches[0]?.id).toBeGreaterThan(body.batches[1]?.id ?? 0);
      const first = body.batches.at(-1);
      expect(first?.counts).toEqual({ schools: 100, school_stats: 700, rotations: demo.rotations.length });
      expect(first?.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('templates', () => {
    it('should serve CSV templates with a BOM and a Chinese file name', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/imports/templates/school_stats.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = new TextDecoder().decode(bytes).split('\r\n')[0] ?? '';
      expect(header.split(',')).toHaveLength(SCHOOL_STAT_COLUMNS.length);
    });

    it('should serve XLSX templates that open', async () => {
      for (const kind of ['schools', 'school_stats', 'rotations']) {
        const res = await app.fetch(`${app.baseUrl}/api/v1/imports/templates/${kind}.xlsx`);
        expect(res.status).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
        expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);
      }
    });

    it('should answer 400 naming the parameter for an unknown template', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/imports/templates/teachers.csv`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ValidationFailed');
    });
  });
});

/** A generated county of `n` primary schools with one year of statistics (for the size and rollback tests). */
export function buildLargeCounty(n: number): { schools: SchoolRow[]; stats: SchoolStatRow[] } {
  const template = demo.stats.find((s) => s.teachersJunior > 0 && s.studentsPrimary > 0) as SchoolStatRow;
  const schools: SchoolRow[] = [];
  const stats: SchoolStatRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const schoolCode = `L${String(i).padStart(6, '0')}`;
    schools.push({
      schoolCode,
      schoolName: `大县第${i + 1}学校`,
      districtCode: '330998',
      districtName: '大县',
      townshipCode: `330998${String(100 + (i % 50)).padStart(3, '0')}`,
      townshipName: `大县第${(i % 50) + 1}镇`,
      urbanRuralCode: '121',
      schoolType: 'nine_year',
      ownership: 'public',
      boarding: false,
      parentSchoolCode: null,
      groupName: null,
    });
    stats.push({ ...template, schoolCode, year: 2025, books: template.books + i });
  }
  return { schools, stats };
}
