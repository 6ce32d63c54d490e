import type { z } from 'zod';
import { DistrictListSchema, HealthSchema } from './schemas/district.ts';
import { ImportReportSchema } from './schemas/import.ts';

/**
 * The API route table: one entry per endpoint, naming its path, method and the zod schemas of its input and output.
 * The server validates with these schemas; the client builds URLs from `path` and parses responses with `response`.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  summary: string;
}

export const routes = {
  health: { method: 'GET', path: '/api/health', response: HealthSchema, summary: 'Liveness: the database answers' },
  listDistricts: {
    method: 'GET',
    path: '/api/v1/districts',
    response: DistrictListSchema,
    summary: 'Districts (counties) with the years that have data',
  },
  importFiles: {
    method: 'POST',
    path: '/api/v1/imports',
    response: ImportReportSchema,
    summary: 'Import schools, school_stats and rotations files (multipart, parts named "files")',
  },
} as const satisfies Record<string, RouteDefinition>;
export type Routes = typeof routes;
