import type { z } from 'zod';

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
