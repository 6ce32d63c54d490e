import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const demoCsv = datasetToCsvFiles(generateDemoCounty());

/** Replaces one cell of a CSV (row 1 = header, as Excel numbers rows). */
function editCsvCell(csv: string, row: number, header: string, value: string): string {
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  const index = (lines[0] ?? '').split(',').findIndex((c) => c.replace(/"/g, '') === header);
  if (index < 0) throw new Error(`no column ${header}`);
  const cells = (lines[row - 1] ?? '').split(',');
  cells[index] = value;
  lines[row - 1] = cells.join(',');
  return lines.join('\r\n');
}

async function readSheets(res: Response): Promise<{ name: string; rows: unknown[][]; widths: number[] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return { name: sheet.name, rows, widths: sheet.columns.map((c) => c.width ?? 0) };
  });
}

/** Issue #15 point 14: the located error list of an import report, downloaded as XLSX to send back to the schools. */
describe(`the import issue list as XLSX (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
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

  const postIssues = (body: unknown, query = '') =>
    app.fetch(`${app.baseUrl}/api/v1/imports/issues${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('should list every error, then every warning, of a rejected dry run with file, row, column, value and problem', async () => {
    let schools = editCsvCell(demoCsv['schools.csv'], 2, '城乡分类代码', '999');
    schools = editCsvCell(schools, 3, '办学类型', '大学');
    const rotationLines = demoCsv['rotations.csv'].split('\r\n');
    const rotations = [rotationLines[0], rotationLines[1], rotationLines[1], ''].join('\r\n');
    const report = await postFiles(
      app,
      [
        { name: '学校.csv', bytes: schools },
        { name: '轮岗.csv', bytes: rotations },
      ],
      '?dryRun=true',
    );
    expect(report.status).toBe(422);
    type Issue = { column: string | null; value: string | null; message: string };
    const { errors, warnings } = report.body as { errors: Issue[]; warnings: Issue[] };
    expect(errors).toHaveLength(2);
    expect(warnings).toHaveLength(1);

    const res = await postIssues({ errors, warnings, truncated: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('导入问题清单.xlsx');
    const [issues, about] = await readSheets(res);
    expect(issues?.name).toBe('导入问题清单');
    // The problem is long text: its column is wide enough to read without resizing.
    expect(issues?.widths[5]).toBeGreaterThanOrEqual(80);
    expect(issues?.rows).toEqual([
      ['级别', '文件', '行', '列', '值', '问题'],
      ['错误', '学校.csv', 2, '城乡分类代码', '999', errors[0]?.message],
      ['错误', '学校.csv', 3, '办学类型', '大学', errors[1]?.message],
      // Empty cells read back as undefined.
      ['警告', '轮岗.csv', 3, warnings[0]?.column ?? undefined, warnings[0]?.value ?? undefined, warnings[0]?.message],
    ]);
    expect(about?.name).toBe('说明');
    expect(about?.rows).toContainEqual(['文件', '学校.csv、轮岗.csv']);
    expect(about?.rows).toContainEqual(['错误', '2']);
  });

  it('should write English headers, name a whole-file problem and say when the list was cut short', async () => {
    const res = await postIssues(
      {
        errors: [{ file: 'empty.csv', row: null, column: null, value: null, message: 'The file is empty' }],
        warnings: [],
        truncated: true,
      },
      '?lang=en',
    );
    expect(res.status).toBe(200);
    const [issues, about] = await readSheets(res);
    expect(issues?.rows).toEqual([
      ['Level', 'File', 'Row', 'Column', 'Value', 'Problem'],
      ['Error', 'empty.csv', 'whole file', undefined, undefined, 'The file is empty'],
    ]);
    expect(about?.rows.some((r) => r[0] === 'Note' && String(r[1]).includes('first 1'))).toBe(true);
  });

  it('should reject a malformed or oversized list with located errors', async () => {
    const bad = await postIssues({ errors: [{ file: 'a.csv', row: '2', column: null, value: null }], warnings: [] });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { fields: { field: string }[] } } };
    expect(body.error.code).toBe('ValidationFailed');
    expect(body.error.details.fields.map((f) => f.field).sort()).toEqual(['errors.0.message', 'errors.0.row']);

    const issue = { file: 'a.csv', row: 2, column: null, value: null, message: 'x' };
    const tooMany = await postIssues({ errors: Array.from({ length: 5001 }, () => issue), warnings: [] });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as typeof body).error.details.fields[0]?.field).toBe('errors');
  });

  it('should be documented in the OpenAPI document as a POST answering XLSX', async () => {
    const doc = (await (await app.fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const operation = doc.paths['/api/v1/imports/issues']?.post;
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('should be refused to a role that cannot import', async () => {
    const analyst = await app.as('analyst');
    const res = await analyst(`${app.baseUrl}/api/v1/imports/issues`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errors: [], warnings: [] }),
    });
    expect(res.status).toBe(403);
  });
});
