import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Sends a JSON body. Outside production the server checks its own answer against the shared contract (ts-rest's
 * responseValidation): a drifting field or a numeric that came back as a string fails loudly here, not in a chart.
 */
export function sendValidated<S extends z.ZodType>(res: Response, schema: S, body: z.input<S>, status = 200): void {
  const validate = res.app.locals.validateResponses === true;
  res.status(status).json(validate ? schema.parse(body) : body);
}
