import { pipeline } from 'node:stream/promises';
import { type Database, findPostgresPool } from '@junheng/db';
import { routes, SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { beginExport, countExportLines } from '../auth/export-audit.ts';
import { accessOf } from '../auth/principal.ts';
import { requireDistrict } from '../county/county.service.ts';
import { findTownships } from '../districts/districts.repository.ts';
import { CsvRowEndTransform, formatCsvField, writeCsvLines } from '../export/csv.ts';
import { indicatorDefinitions } from '../export/send-report.ts';
import { sendTable } from '../export/send-table.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { buildFileName, headerOf } from '../export/table.ts';
import { encodeContentDisposition } from '../http/content-disposition.ts';
import { HttpError } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import {
  buildStatCopyStatement,
  openCopyOut,
  type StatExportRecord,
  type StatRecordFilter,
  streamStatCsvLines,
  streamStatRecords,
} from './records.repository.ts';

const STAT_KEYS = SCHOOL_STAT_COLUMNS.map((c) => c.key);

/** The school-year statistics as stored, in the import file's columns, so an export re-imports as it is. */
function buildStatTable(rows: AsyncIterable<StatExportRecord>): ExportTable<StatExportRecord> {
  const columns: ExportColumn<StatExportRecord>[] = [
    ...SCHOOL_STAT_COLUMNS.map(
      (c): ExportColumn<StatExportRecord> => ({
        key: c.key,
        zh: c.zh,
        en: c.key,
        ...(c.unit ? { unitZh: c.unit } : {}),
        value: (r) => (r as unknown as Record<string, number | string>)[c.key],
      }),
    ),
    { key: 'school_name', zh: '学校名称', en: 'school_name', value: (r) => r.school_name },
    { key: 'district_code', zh: '区县代码', en: 'district_code', value: (r) => r.district_code },
    { key: 'township_code', zh: '乡镇代码', en: 'township_code', value: (r) => r.township_code },
  ];
  return { titleZh: '学校年度统计', titleEn: 'school_stats', columns, rows };
}

export function createRecordsRouter(db: Kysely<Database>): Router {
  const router = Router();

  const send = async (
    res: Parameters<Parameters<Router['get']>[1]>[1],
    query: { format: 'csv' | 'xlsx'; bom: boolean; lang: 'zh' | 'en' },
    filter: StatRecordFilter,
    label: string,
  ) => {
    const years = filter.from || filter.to ? `${filter.from ?? ''}-${filter.to ?? ''}` : '';
    const zh = query.lang === 'zh';
    const filters: [string, string][] = [[zh ? '范围' : 'Scope', label]];
    if (filter.access.townships !== null) {
      const names = new Map((await findTownships(db, filter.access.townships)).map((t) => [t.code, t.name]));
      const area = filter.access.townships.map((code) => names.get(code) ?? code).join('、');
      filters.push([zh ? '访问范围' : 'Access scope', zh ? `仅限 ${area}` : `${area} only`]);
    }
    if (query.format === 'csv') {
      const tracker = await beginExport(res, 'csv');
      const table = buildStatTable(streamStatRecords(db, filter));
      const fileName = buildFileName([label, years, table.titleZh], 'csv');
      res.setHeader('Content-Disposition', encodeContentDisposition(fileName));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      const header = table.columns.map((c) => formatCsvField(headerOf(c, query.lang))).join(',');
      const pool = findPostgresPool(db);
      if (pool) {
        // PostgreSQL writes the rows itself (COPY … TO STDOUT), streamed at the pace the client reads them; only the
        // row ends are rewritten here (LF → CRLF). PGlite has no COPY to a client: it takes the paged path below.
        const copy = await openCopyOut(pool, buildStatCopyStatement(db, filter, STAT_KEYS));
        let failed = true;
        try {
          res.write(`${query.bom ? '\uFEFF' : ''}${header}\r\n`);
          await pipeline(
            copy.stream,
            new CsvRowEndTransform((rows) => {
              tracker.rows += rows;
            }),
            res,
            // Ended here, once the last row is marked written: the audit reads it when the response closes.
            { end: false },
          );
          failed = false;
        } finally {
          copy.release(failed);
        }
        tracker.written = true;
        res.end();
        return;
      }
      const lines = countExportLines(streamStatCsvLines(db, filter, STAT_KEYS), tracker);
      await writeCsvLines(header, lines, { bom: query.bom }, res);
      tracker.written = true;
      return;
    }
    await sendTable(res, query.format, { bom: query.bom }, buildStatTable(streamStatRecords(db, filter)), {
      fileNameParts: [label, years],
      filters,
      dataYears:
        filter.from || filter.to ? `${filter.from ?? ''}–${filter.to ?? ''}` : query.lang === 'zh' ? '全部' : 'all',
      generatedAt: new Date(),
      definitions: indicatorDefinitions(query.lang),
      lang: query.lang,
    });
  };

  router.get(routes.exportDistrictStats.path, async (req, res) => {
    const { code } = parseInput(routes.exportDistrictStats.params, req.params, 'params');
    const query = parseInput(routes.exportDistrictStats.query, req.query, 'query');
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new HttpError(400, 'ValidationFailed', 'from 不能晚于 to / from must not be after to', {
        in: 'query',
        fields: [{ field: 'from', message: 'from > to' }],
      });
    }
    const access = accessOf(res);
    const district = await requireDistrict(db, code, access);
    await send(res, query, { access, districtCode: district.code, from: query.from, to: query.to }, district.name);
  });

  router.get(routes.exportAllStats.path, async (req, res) => {
    const query = parseInput(routes.exportAllStats.query, req.query, 'query');
    await send(
      res,
      query,
      { access: accessOf(res), from: query.from, to: query.to },
      query.lang === 'zh' ? '全部区县' : 'all-districts',
    );
  });

  return router;
}
