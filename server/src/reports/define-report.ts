import type { Database } from '@junheng/db';
import type { AccessScope, ExportQuery } from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ExportLabels } from '../export/report-labels.ts';
import type { ExportTable } from '../export/table.ts';

export type Lang = 'zh' | 'en';

/** The part of a shared route (`routes.getBalance`, …) a report reads: its path and the schemas of its input and output. */
export interface ReportRoute {
  method: 'GET';
  path: string;
  params?: z.ZodType;
  query: z.ZodType<ExportQuery & { table?: string }>;
  response: z.ZodType;
}

type ParamsOf<R extends ReportRoute> = R['params'] extends z.ZodType ? z.infer<R['params']> : Record<string, never>;
type QueryOf<R extends ReportRoute> = z.infer<R['query']>;

/** What a report is asked: the parsed path parameters and query, and the user's access scope. */
export interface ReportInput<P, Q> {
  params: P;
  query: Q;
  access: AccessScope;
}

/** One of a report's export tables, built from the body the JSON answer sends (so a file matches it row for row). */
// biome-ignore lint/suspicious/noExplicitAny: a report's tables have different row types; each builder is typed where it is written.
export type TableBuilder<Body, Q> = (body: Body, lang: Lang, query: Q) => ExportTable<any>;

/**
 * A report as one screen declares it (in `<screen>.report.ts`, beside its service): which route it answers, how its
 * body is loaded, and the export tables with the words their files carry. `mountReports` runs every definition
 * through the same steps: parse, scope, cache, load, send JSON/CSV/XLSX.
 */
export interface ReportDefinition<R extends ReportRoute, Body> {
  /** The cache's name for the report (part of every cache key). */
  name: string;
  route: R;
  /** Loads and computes the body (the service); the access scope is applied there, in SQL. */
  load: (db: Kysely<Database>, input: ReportInput<ParamsOf<R>, QueryOf<R>>) => Promise<Body>;
  /** The export table, or one per value of the query's `table` parameter. */
  tables: TableBuilder<Body, QueryOf<R>> | Record<NonNullable<QueryOf<R>['table']>, TableBuilder<Body, QueryOf<R>>>;
  /** What a file states about itself: name parts, the 说明 sheet's filters, the data years. */
  labels: (body: Body, lang: Lang, query: QueryOf<R>) => ExportLabels;
  /** Definitions beyond the indicators' for the 说明 sheet. */
  definitions?: (lang: Lang) => [string, string][];
  /** Notes (批注) for the XLSX 说明 sheet; read at each export, never cached. */
  notes?: (
    db: Kysely<Database>,
    body: Body,
    input: ReportInput<ParamsOf<R>, QueryOf<R>>,
    lang: Lang,
  ) => Promise<[string, string][]>;
  /**
   * Whether the body is kept in the report cache. Only for a report whose every input bumps the data version the
   * cache reads (`findDataVersion`: import batches and county-year inputs); say why when it is false.
   */
  cache: boolean;
}

/** A report in the list `mountReports` serves, its types erased once checked where it was defined. */
export type Report = ReportDefinition<ReportRoute, unknown>;

/** Declares a report: checks the definition against its route's schemas, and returns it for the report list. */
export function defineReport<R extends ReportRoute, Body extends z.input<R['response']>>(
  definition: ReportDefinition<R, Body>,
): Report {
  return definition as unknown as Report;
}

/** The load of a report addressed by a code (`/districts/:code/…`, `/schools/:code`): the service called as it is. */
export function loadByCode<Q, Body>(
  service: (db: Kysely<Database>, code: string, query: Q, access: AccessScope) => Promise<Body>,
): (db: Kysely<Database>, input: ReportInput<{ code: string }, Q>) => Promise<Body> {
  return (db, { params, query, access }) => service(db, params.code, query, access);
}
