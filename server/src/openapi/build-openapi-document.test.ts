import type { RouteDefinition } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, type JsonSchema, registerSchema, toOpenApiPath } from './build-openapi-document.ts';

describe(toOpenApiPath.name, () => {
  it('should turn Express parameters into OpenAPI templates', () => {
    expect(toOpenApiPath('/api/v1/districts/:code/balance')).toBe('/api/v1/districts/{code}/balance');
    expect(toOpenApiPath('/api/v1/a/:x/b/:y_2')).toBe('/api/v1/a/{x}/b/{y_2}');
    expect(toOpenApiPath('/api/health')).toBe('/api/health');
  });
});

describe(registerSchema.name, () => {
  it('should describe the input of a transform for requests and leave its output open for responses', () => {
    const schema = z.object({ list: z.string().transform((s) => s.split(',')), n: z.coerce.number().int() });
    const components: Record<string, JsonSchema> = {};
    expect(registerSchema(components, 'In', schema, 'input')).toMatchObject({
      properties: { list: { type: 'string' }, n: { type: 'integer' } },
      required: ['list', 'n'],
    });
    expect(registerSchema(components, 'Out', schema, 'output')).toMatchObject({ properties: { list: {} } });
    expect(components).toHaveProperty('In');
    expect(components).toHaveProperty('Out');
  });

  it('should move $defs of recursive schemas to components and rewrite their references', () => {
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const components: Record<string, JsonSchema> = {};
    const sut = registerSchema(components, 'Tree', z.object({ root: node }), 'output');
    const ref = (sut.properties as { root: { $ref: string } }).root.$ref;
    expect(ref).toMatch(/^#\/components\/schemas\/Tree\./);
    const hoisted = components[ref.slice('#/components/schemas/'.length)];
    expect(hoisted).toMatchObject({ type: 'object', properties: { children: { items: { $ref: ref } } } });
    expect(JSON.stringify(components)).not.toContain('$defs');
  });

  it('should never throw: what JSON Schema cannot say becomes an open schema', () => {
    const components: Record<string, JsonSchema> = {};
    const sut = registerSchema(
      components,
      'Odd',
      z.object({ at: z.date(), big: z.bigint(), any: z.custom() }),
      'output',
    );
    expect(sut.properties).toEqual({ at: {}, big: {}, any: {} });
  });
});

describe(buildOpenApiDocument.name, () => {
  const table = {
    getThing: {
      method: 'GET',
      path: '/api/v1/districts/:code/thing',
      params: z.object({ code: z.string().regex(/^\d{6}$/) }),
      query: z.object({
        year: z.coerce.number().int(),
        format: z.enum(['json', 'csv', 'xlsx']).default('json'),
        note: z.string().optional(),
      }),
      response: z.object({ value: z.number() }),
      summary: '一件事',
    },
    putThing: {
      method: 'PUT',
      path: '/api/v1/districts/:code/thing',
      body: z.object({ value: z.number() }),
      response: z.object({ ok: z.boolean() }),
      summary: '保存',
    },
    health: { method: 'GET', path: '/api/health', response: z.object({ status: z.literal('ok') }), summary: '健康' },
  } satisfies Record<string, RouteDefinition>;

  it('should document every route with its method, parameters, body and responses', () => {
    const sut = buildOpenApiDocument(table);
    expect(sut.openapi).toBe('3.1.0');
    const get = sut.paths['/api/v1/districts/{code}/thing']?.get;
    expect(get?.operationId).toBe('getThing');
    expect(get?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['code', 'path', true],
      ['year', 'query', true],
      ['format', 'query', false],
      ['note', 'query', false],
    ]);
    expect(get?.parameters[0]?.description).toContain('区县代码');
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '500']);
    expect(get?.security).toBeUndefined();
    expect(Object.keys((get?.responses['200'] as { content?: object } | undefined)?.content ?? {})).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const put = sut.paths['/api/v1/districts/{code}/thing']?.put;
    expect(put?.parameters).toEqual([
      expect.objectContaining({ name: 'code', in: 'path', required: true, schema: { type: 'string' } }),
    ]);
    expect(put?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/PutThingBody',
    });
    expect(put?.responses).toHaveProperty('413');
    expect(sut.paths['/api/health']?.get?.responses).toEqual({
      '200': expect.anything(),
      '500': { $ref: '#/components/responses/Internal' },
    });
    // Public paths say so; everything else needs the session cookie or a bearer token.
    expect(sut.paths['/api/health']?.get?.security).toEqual([]);
    expect(sut.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(sut.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'jh_session' });
    expect(sut.components.schemas.ApiError).toMatchObject({ required: ['error'] });
  });
});
