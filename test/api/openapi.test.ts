import { loadDemoCountyIfEmpty } from '@junheng/server';
import { routes } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

type JsonSchema = { [key: string]: unknown };
interface Operation {
  operationId: string;
  summary: string;
  parameters: { name: string; in: string; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: JsonSchema }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };
}

const TYPES: readonly unknown[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'] as const;
const SCHEMA_VALUES = ['items', 'propertyNames', 'not'] as const;

/**
 * Checks that a node has the shape of a JSON Schema for the keywords we rely on (types, properties, required,
 * combinators, references into components) and carries no leftover `$defs` or `$schema`. Returns the problems found.
 */
function checkSchemaShape(node: unknown, at: string): string[] {
  if (typeof node === 'boolean') return [];
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [`${at}: not a schema object`];
  const s = node as JsonSchema;
  const problems: string[] = [];
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  for (const type of types) if (!TYPES.includes(type)) problems.push(`${at}.type: ${String(type)}`);
  if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string'))) {
    problems.push(`${at}.required: not a list of names`);
  }
  if (s.enum !== undefined && !Array.isArray(s.enum)) problems.push(`${at}.enum: not a list`);
  if (s.$ref !== undefined && !(typeof s.$ref === 'string' && s.$ref.startsWith('#/components/'))) {
    problems.push(`${at}.$ref: ${String(s.$ref)}`);
  }
  if ('$defs' in s || '$schema' in s) problems.push(`${at}: leftover $defs or $schema`);
  if (s.properties !== undefined) {
    if (typeof s.properties !== 'object' || s.properties === null) problems.push(`${at}.properties: not an object`);
    else {
      for (const [key, value] of Object.entries(s.properties))
        problems.push(...checkSchemaShape(value, `${at}.${key}`));
    }
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = s[keyword];
    if (list === undefined) continue;
    if (!Array.isArray(list)) problems.push(`${at}.${keyword}: not a list`);
    else {
      for (const [i, item] of list.entries()) problems.push(...checkSchemaShape(item, `${at}.${keyword}[${i}]`));
    }
  }
  for (const keyword of [...SCHEMA_VALUES, 'additionalProperties'] as const) {
    if (s[keyword] !== undefined) problems.push(...checkSchemaShape(s[keyword], `${at}.${keyword}`));
  }
  return problems;
}

const pathOf = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * A small JSON Schema (2020-12) validator for the keywords z.toJSONSchema emits, enough to check real responses
 * against the generated document: a document that only looked right would fail here.
 */
function validate(document: Document, schema: JsonSchema, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    return target ? validate(document, target, value, at) : [`${at}: unresolved ${schema.$ref}`];
  }
  const errors: string[] = [];
  const sub = (s: unknown, v: unknown, where: string) => validate(document, s as JsonSchema, v, where);
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => sub(s, value, at).length === 0)) {
    errors.push(`${at}: matches no anyOf`);
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => sub(s, value, at).length === 0).length !== 1) {
    errors.push(`${at}: does not match exactly one oneOf`);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    errors.push(`${at}: not ${JSON.stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  const kind =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : Number.isInteger(value)
          ? 'integer'
          : typeof value === 'number'
            ? 'number'
            : typeof value;
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!allowed.includes(kind) && !(kind === 'integer' && allowed.includes('number'))) {
      return [...errors, `${at}: ${kind} is not ${allowed.join('|')}`];
    }
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${at}.${key}: missing`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...sub(properties[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...sub(schema.additionalProperties, v, `${at}.${key}`));
      }
      if (schema.propertyNames) errors.push(...sub(schema.propertyNames, key, `${at}[${key}]`));
    }
  }
  if (kind === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => {
      errors.push(...sub(schema.items, item, `${at}[${i}]`));
    });
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: < minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: > maximum`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${at}: does not match ${schema.pattern}`);
  }
  return errors;
}

describe(`OpenAPI document and API page (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let document: Document;
  const operation = (key: keyof typeof routes): Operation => {
    const route = routes[key];
    const op = document.paths[pathOf(route.path)]?.[route.method.toLowerCase()];
    if (!op) throw new Error(`no operation for ${key}`);
    return op;
  };
  const successSchema = (key: keyof typeof routes) => {
    const schema = operation(key).responses['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no JSON 200 for ${key}`);
    return schema;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    const res = await app.fetch(`${app.baseUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await res.json()) as Document;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should list every route of the shared table with its method, summary and parameters', () => {
    expect(document.openapi).toBe('3.1.0');
    const entries = Object.entries(routes);
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(entries.length);
    for (const [key, route] of entries) {
      const op = operation(key as keyof typeof routes);
      expect(op.operationId).toBe(key);
      expect(op.summary).toBe(route.summary);
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
      const query = 'query' in route ? (route.query as { shape?: Record<string, unknown> }) : undefined;
      if (query?.shape) {
        expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(Object.keys(query.shape));
      }
      expect(Boolean(op.requestBody)).toBe('body' in route);
      expect(op.responses['200']).toBeDefined();
      expect(op.responses['500']).toEqual({ $ref: '#/components/responses/Internal' });
    }
  });

  it('should convert every schema into a well-formed JSON Schema whose references resolve', () => {
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(checkSchemaShape(schema, name)).toEqual([]);
      expect(String(schema.description ?? '')).not.toContain('Not representable');
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const [, , section, name] = ref.split('/');
      const components = document.components as Record<string, Record<string, unknown>>;
      expect(components[section ?? '']?.[name ?? ''], ref).toBeDefined();
    }
  });

  it('should describe parameters as a client sends them, transforms included', () => {
    const params = Object.fromEntries(operation('getBalance').parameters.map((p) => [p.name, p]));
    expect(params.code).toMatchObject({ in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{6}$' } });
    expect(params.year).toMatchObject({ required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } });
    expect(params.stage).toMatchObject({ required: true, schema: { enum: ['primary', 'junior'] } });
    expect(params.format).toMatchObject({
      required: false,
      schema: { enum: ['json', 'csv', 'xlsx'], default: 'json' },
    });
    // township is a comma list: a string (or the parameter repeated) in, an array of codes out.
    expect(params.township?.schema).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'array' }] });
    expect(params.includePrivate?.schema).toMatchObject({ enum: expect.arrayContaining(['true', 'false']) });
    const balance200 = operation('getBalance').responses['200']?.content ?? {};
    expect(Object.keys(balance200)).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(operation('postWhatIf').responses['422']?.content?.['application/json']?.schema).toEqual(
      successSchema('postWhatIf'),
    );
  });

  it('should validate real responses and request bodies against the generated schemas', async () => {
    const checks: [keyof typeof routes, string][] = [
      ['listDistricts', '/api/v1/districts'],
      ['getBalance', '/api/v1/districts/330999/balance?year=2024&stage=primary'],
      ['getScorecard', '/api/v1/districts/330999/scorecard?year=2024'],
      ['getCountyInputs', '/api/v1/districts/330999/inputs?year=2024'],
      ['getDistanceToPass', '/api/v1/districts/330999/distance-to-pass?year=2024&stage=junior'],
    ];
    for (const [key, url] of checks) {
      const res = await app.fetch(`${app.baseUrl}${url}`);
      expect(res.status, url).toBe(200);
      expect(validate(document, successSchema(key), await res.json()), url).toEqual([]);
    }
    // The check has teeth: a drifted field fails it.
    const balance = (await (await app.fetch(`${app.baseUrl}${checks[1]?.[1]}`)).json()) as {
      indicators: { cv: unknown }[];
      schoolsCounted?: number;
    };
    const [first] = balance.indicators;
    if (first) first.cv = 'high';
    delete balance.schoolsCounted;
    expect(validate(document, successSchema('getBalance'), balance)).toEqual([
      '$.schoolsCounted: missing',
      '$.indicators[0].cv: string is not number|null',
    ]);

    const body = { stage: 'primary', changes: [{ type: 'add_resource', school: 'x', resource: 'books', amount: 10 }] };
    const bodySchema = operation('postWhatIf').requestBody?.content['application/json']?.schema ?? {};
    expect(validate(document, bodySchema, body)).toEqual([]);
    expect(validate(document, bodySchema, { changes: [{ type: 'demolish' }] })).not.toEqual([]);
    expect(validate(document, bodySchema, { stage: 'senior', changes: [] })).not.toEqual([]);
    const inputsSchema = operation('putCountyInputs').requestBody?.content['application/json']?.schema ?? {};
    expect(validate(document, inputsSchema, { consolidation_rate: 0.97, layout_planning: true })).toEqual([]);
    expect(validate(document, inputsSchema, { values: { consolidation_rate: 0.97 }, notes: {} })).toEqual([]);
    expect(validate(document, inputsSchema, { bogus: 1 })).not.toEqual([]);

    const notFound = await app.fetch(`${app.baseUrl}/api/v1/districts/999999/balance?year=2024&stage=primary`);
    expect(notFound.status).toBe(404);
    expect(validate(document, { $ref: '#/components/schemas/ApiError' }, await notFound.json())).toEqual([]);
  });

  it('should serve a readable HTML page listing every endpoint, with no script', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('接口文档');
    expect(html).toContain('href="/api/openapi.json"');
    for (const route of Object.values(routes)) {
      expect(html).toContain(`<code>${pathOf(route.path)}</code>`);
    }
    expect(html).toContain('数据年度，如 2024 / Data year, e.g. 2024');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
  });
});
