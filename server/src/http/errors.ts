import type { ApiError, ErrorCode } from '@junheng/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** The one error type of the API: a code, an HTTP status and optional structured details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toJSON(): ApiError {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new HttpError(
    404,
    'NotFound',
    `没有这个接口 / No such endpoint: ${req.method} ${req.originalUrl.split('?')[0]}`,
  );
};

/** Registered last. Known errors keep their message; anything else is logged and answered with a generic 500. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const httpError = toHttpError(err);
    if (httpError.status >= 500) logger.error({ err, reqId: req.id, path: req.path }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(httpError.status).json(httpError.toJSON());
  };
}

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as { type?: string; status?: number; expose?: boolean } | undefined;
  // body-parser errors carry a status and a type; they are the client's fault and safe to name.
  if (e?.type === 'entity.too.large')
    return new HttpError(413, 'PayloadTooLarge', '请求体过大 / Request body too large');
  if (e?.type === 'entity.parse.failed')
    return new HttpError(400, 'ValidationFailed', '请求体不是有效的 JSON / Malformed JSON body');
  // The router could not percent-decode a path parameter (`/schools/%FF`).
  if (err instanceof URIError)
    return new HttpError(400, 'ValidationFailed', '路径编码无效 / Malformed percent-encoding in the path');
  if (e?.expose && e.status && e.status < 500)
    return new HttpError(e.status, 'ValidationFailed', '无效的请求 / Bad request');
  return new HttpError(500, 'Internal', '服务器内部错误 / Internal server error');
}
