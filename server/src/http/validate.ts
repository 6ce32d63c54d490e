import type { z } from 'zod';
import { HttpError } from './errors.ts';

/** Parses request input with a shared schema; a failure is a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'query' | 'params' | 'body',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || where,
    message: issue.message,
  }));
  const names = fields.map((f) => f.field).join(', ');
  throw new HttpError(400, 'ValidationFailed', `参数无效 / Invalid ${where}: ${names}`, { in: where, fields });
}
