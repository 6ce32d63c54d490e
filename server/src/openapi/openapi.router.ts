import { type RouteDefinition, routes } from '@junheng/shared';
import { Router } from 'express';
import { buildOpenApiDocument, type OpenApiDocument } from './build-openapi-document.ts';
import { renderApiDocs } from './render-api-docs.ts';

const OPENAPI_PATH = '/api/openapi.json';

/**
 * `GET /api/openapi.json` (OpenAPI 3.1, generated from the shared route table) and `GET /api/docs` (the same, as a
 * page to read). Both are built on first request from the table as it then is, and kept: the table cannot change
 * while the process runs.
 */
export function createOpenApiRouter(table: Readonly<Record<string, RouteDefinition>> = routes): Router {
  const router = Router();
  let document: OpenApiDocument | undefined;
  let html: string | undefined;
  const getDocument = () => {
    document ??= buildOpenApiDocument(table);
    return document;
  };

  router.get(OPENAPI_PATH, (_req, res) => {
    res.json(getDocument());
  });

  router.get('/api/docs', (_req, res) => {
    html ??= renderApiDocs(getDocument(), OPENAPI_PATH);
    res.type('html').send(html);
  });

  return router;
}
