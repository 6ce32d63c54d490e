import type { Database } from '@junheng/db';
import type { AccessScope, ExportQuery } from '@junheng/shared';
import type { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import type { CachedReport, ReportCache } from '../cache/report-cache.ts';
import { sendReport } from '../export/send-report.ts';
import { parseInput } from '../http/validate.ts';
import type { Report, TableBuilder } from './define-report.ts';

type ReportQuery = ExportQuery & { table?: string };
type ErasedInput = Parameters<Report['load']>[1];

/**
 * The cache key of a report: everything asked except how the answer is formatted (format, bom, lang, table), and
 * the user's access scope, so two users with different townships never share an answer.
 */
export function reportCacheKey(name: string, params: object, query: object, access: AccessScope): string {
  const { format: _f, bom: _b, lang: _l, table: _t, ...asked } = query as Record<string, unknown>;
  return `${name}:${JSON.stringify(params)}:${JSON.stringify(asked)}:${JSON.stringify(access)}`;
}

/** The table a query asks for: the report's only table, or the one named by the query's `table` parameter. */
export function selectTable(tables: Report['tables'], query: ReportQuery): TableBuilder<unknown, ReportQuery> {
  if (typeof tables === 'function') return tables;
  const table =
    query.table === undefined ? undefined : (tables as Record<string, TableBuilder<unknown, ReportQuery>>)[query.table];
  // The query schema only accepts the table names the report has, so this is a programming error.
  if (!table) throw new Error(`Report has no table ${query.table ?? '(none)'}`);
  return table;
}

/**
 * Serves every report on the router with one handler: parse params and query with the route's schemas (400 naming
 * the field), take the user's access scope, answer from the cache or load, then send JSON (validated against the
 * route's response schema) or the asked table as CSV/XLSX through `sendReport`.
 */
export function mountReports(
  router: Router,
  db: Kysely<Database>,
  cache: ReportCache,
  reports: readonly Report[],
): Router {
  for (const report of reports) {
    router.get(report.route.path, async (req, res) => {
      // Params first, as the routers did: a bad path is named before a bad query.
      const params = (report.route.params ? parseInput(report.route.params, req.params, 'params') : {}) as object;
      const query: ReportQuery = parseInput(report.route.query, req.query, 'query');
      const access = accessOf(res);
      // The definition's own types were checked by defineReport against its route; here they are erased.
      const input = { params, query, access } as ErasedInput;
      let body: unknown;
      let cached: Pick<CachedReport<unknown>, 'json' | 'gzip'> | undefined;
      if (report.cache) {
        const { value, ...serialised } = await cache.get(reportCacheKey(report.name, params, query, access), () =>
          report.load(db, input),
        );
        body = value;
        cached = serialised;
      } else {
        body = await report.load(db, input);
      }
      const table = selectTable(report.tables, query);
      const { definitions, notes } = report;
      await sendReport(res, query, {
        schema: report.route.response,
        body,
        ...(cached ? { cached } : {}),
        labels: (lang) => report.labels(body, lang, query),
        table: (lang) => table(body, lang, query),
        ...(definitions ? { definitions } : {}),
        ...(notes ? { notes: (lang: 'zh' | 'en') => notes(db, body, input, lang) } : {}),
      });
    });
  }
  return router;
}
