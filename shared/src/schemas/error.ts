import { z } from 'zod';

export const ERROR_CODES = [
  'ValidationFailed',
  'NotFound',
  'DistrictNotFound',
  'SchoolNotFound',
  'YearNotFound',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'ImportRejected',
  'Unauthorized',
  'Forbidden',
  'CsrfFailed',
  'TooManyAttempts',
  'Conflict',
  /** The server is at its limit for this kind of request (e.g. imports running): retry after `Retry-After` seconds. */
  'ServiceUnavailable',
  'Internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
