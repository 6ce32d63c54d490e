import { ApiErrorSchema, DOCX_MEDIA_TYPE, type RouteDefinition } from '@junheng/shared';
import { z } from 'zod';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
  /** Empty for the public paths; otherwise a session cookie (+ CSRF header on writes) or a bearer token. */
  security?: Record<string, string[]>[];
}

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, OpenApiResponse>;
    securitySchemes: Record<string, Record<string, string>>;
  };
  security: Record<string, string[]>[];
}

type Io = 'input' | 'output';

const COMPONENT_PREFIX = '#/components/schemas/';
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Routes whose rejection is a 422 carrying the route's own response body (the import report with `applied: false`,
 * the what-if answer with `valid: false`) instead of the error shape.
 */
const REPORT_ON_422: Record<string, string> = {
  importFiles: '数据有错误，未写入；报告列出每个错误 / Rejected: nothing written, the report lists every error',
  postWhatIf: '有变更无效，报告列出每项变更的错误 / A change was rejected: the answer names each one',
};

/** Routes that answer a file whatever the query says (no `format` parameter): their 200 is that file. */
const FILE_RESPONSES: Record<string, string> = { exportImportIssues: XLSX_TYPE, getSelfEvaluation: DOCX_MEDIA_TYPE };

/** Descriptions of the query and path parameters the API uses (the zod schemas carry none). */
const PARAMETER_DOCS: Record<string, { zh: string; en: string }> = {
  year: { zh: '数据年度，如 2024', en: 'Data year, e.g. 2024' },
  stage: { zh: '学段：primary 小学，junior 初中', en: 'Stage: primary or junior' },
  township: {
    zh: '乡镇/街道代码（9位），可多个，逗号分隔',
    en: 'Township codes (9 digits), one or more, comma-separated',
  },
  locale: {
    zh: '城乡分类：urban 城区、town 镇区、rural 乡村，可多个，逗号分隔',
    en: 'Urban–rural classes, comma-separated',
  },
  group: { zh: '学区/教育集团名称，可多个，逗号分隔', en: 'School groups (学区/教育集团), comma-separated' },
  includePrivate: { zh: '是否计入民办学校（默认 true）', en: 'Count private schools (default true)' },
  format: {
    zh: '返回格式：json，csv（Excel 可直接打开），xlsx',
    en: 'Response format: json, csv (opens in Excel) or xlsx',
  },
  bom: {
    zh: 'CSV 是否带 UTF-8 BOM（默认 true，供 Excel；脚本可用 false）',
    en: 'CSV with a UTF-8 BOM (default true, for Excel; false for scripts)',
  },
  lang: { zh: '导出文件的表头语言：zh 中文，en 英文', en: 'Header language of downloads: zh or en' },
  table: { zh: '下载（CSV/XLSX）包含哪张表', en: 'Which table a CSV/XLSX download holds' },
  indicator: { zh: '指标键，如 higher_degree_teachers_per100', en: 'Indicator key' },
  from: { zh: '起始年度', en: 'First year' },
  to: { zh: '截止年度', en: 'Last year' },
  dryRun: { zh: '只校验，不写入', en: 'Validate only, write nothing' },
  city: { zh: '地市代码（区县代码前4位），只列该市的区县', en: 'City code (first 4 digits of the district code)' },
  measure: {
    zh: '“状态 × 变化”按什么判断：passes 资源配置结论，或七项指标之一的键',
    en: 'What status × change is judged by: passes (the verdict) or one of the seven indicator keys',
  },
};

function describeCode(path: string): { zh: string; en: string } {
  if (path.includes('/schools/')) return { zh: '学校标识码', en: 'School code' };
  return { zh: '区县代码（6位数字）', en: 'District code (6 digits)' };
}

/** `/api/v1/districts/:code/balance` → `/api/v1/districts/{code}/balance`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

export function listPathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
}

/** `getBalance` → `GetBalance`. */
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const componentName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/** Rewrites `$ref`s of a schema converted on its own (`#`, `#/$defs/x`) to the components they were moved to. */
function rewriteRefs(node: unknown, mapRef: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, mapRef));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? mapRef(value) : rewriteRefs(value, mapRef),
    ]),
  );
}

/**
 * Converts a zod schema with zod 4's own z.toJSONSchema and registers it as a component: `io: 'input'` for what a
 * client sends (before transforms and defaults), `'output'` for what the server answers. Parts JSON Schema cannot
 * express (a transform's output, a date) become `{}` rather than failing, and a schema that still cannot be converted
 * becomes an open schema that says so: one odd schema never breaks the whole document. `$defs` (recursive or
 * id-named parts) are moved to components and their `$ref`s rewritten.
 */
export function registerSchema(
  components: Record<string, JsonSchema>,
  name: string,
  schema: z.ZodType,
  io: Io,
): JsonSchema {
  let converted: JsonSchema;
  try {
    converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  } catch (error) {
    converted = { description: `无法转换为 JSON Schema / Not representable: ${(error as Error).message}` };
  }
  const { $schema: _dialect, $defs, ...root } = converted;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const defName = (def: string) => componentName(def.startsWith('__') ? `${name}.${def.slice(2)}` : def);
  const mapRef = (ref: string) => {
    if (ref === '#') return `${COMPONENT_PREFIX}${name}`;
    if (ref.startsWith('#/$defs/')) return `${COMPONENT_PREFIX}${defName(ref.slice('#/$defs/'.length))}`;
    return ref;
  };
  for (const [def, defSchema] of Object.entries(defs)) {
    components[defName(def)] = rewriteRefs(defSchema, mapRef) as JsonSchema;
  }
  const result = rewriteRefs(root, mapRef) as JsonSchema;
  components[name] = result;
  return result;
}

const refTo = (name: string): JsonSchema => ({ $ref: `${COMPONENT_PREFIX}${name}` });

function buildParameter(
  name: string,
  where: 'path' | 'query',
  required: boolean,
  path: string,
  schema: JsonSchema,
): OpenApiParameter {
  const docs = name === 'code' ? describeCode(path) : PARAMETER_DOCS[name];
  const description = docs ? `${docs.zh} / ${docs.en}` : schema.description;
  return { name, in: where, required, ...(typeof description === 'string' ? { description } : {}), schema };
}

function objectProperties(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: Set<string> } {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return { properties, required };
}

function buildParameters(
  route: RouteDefinition,
  operationName: string,
  components: Record<string, JsonSchema>,
): OpenApiParameter[] {
  const parameters: OpenApiParameter[] = [];
  const pathSchema = route.params ? registerSchema(components, `${operationName}Params`, route.params, 'input') : {};
  const pathProps = objectProperties(pathSchema).properties;
  for (const name of listPathParameters(route.path)) {
    const schema = pathProps[name] ?? { type: 'string' };
    parameters.push(buildParameter(name, 'path', true, route.path, schema));
  }
  if (route.query) {
    const querySchema = registerSchema(components, `${operationName}Query`, route.query, 'input');
    const { properties, required } = objectProperties(querySchema);
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push(buildParameter(name, 'query', required.has(name), route.path, schema));
    }
  }
  return parameters;
}

/** The download formats a route's query offers (`format=csv|xlsx`), read from its converted schema. */
function listFileFormats(parameters: readonly OpenApiParameter[]): { json: boolean; files: string[] } {
  const format = parameters.find((p) => p.in === 'query' && p.name === 'format');
  const values = Array.isArray(format?.schema.enum) ? (format.schema.enum as string[]) : [];
  if (!format) return { json: true, files: [] };
  return {
    json: values.includes('json'),
    files: [...(values.includes('csv') ? [CSV_TYPE] : []), ...(values.includes('xlsx') ? [XLSX_TYPE] : [])],
  };
}

function buildSuccessContent(
  operationName: string,
  route: RouteDefinition,
  parameters: readonly OpenApiParameter[],
  components: Record<string, JsonSchema>,
): Record<string, OpenApiMediaType> {
  const name = `${operationName}Response`;
  const converted = registerSchema(components, name, route.response, 'output');
  const formats = listFileFormats(parameters);
  const isText = converted.type === 'string' && formats.files.length > 0;
  const content: Record<string, OpenApiMediaType> = {};
  if (formats.json && !isText) content['application/json'] = { schema: refTo(name) };
  for (const type of formats.files) {
    content[type] = { schema: type === CSV_TYPE ? { type: 'string' } : { type: 'string', contentMediaType: type } };
  }
  return content;
}

const ERROR_RESPONSES: Record<string, OpenApiResponse> = {
  BadRequest: { description: '参数无效（指明字段）/ Invalid parameter, field named' },
  NotFound: { description: '区县、学校或年度不存在（列出可选年份）/ Unknown district, school or year' },
  PayloadTooLarge: { description: '请求体过大 / Request body too large' },
  Unauthorized: { description: '未登录、会话过期或令牌无效 / No session, expired session or invalid token' },
  Forbidden: {
    description: '角色无此权限，或会话请求缺少 X-CSRF-Token / Role lacks the permission, or CSRF token missing',
  },
  Internal: { description: '服务器内部错误 / Internal server error' },
};

/** Paths that answer without signing in. */
const PUBLIC_OPERATIONS = new Set(['health', 'login']);

function buildOperation(key: string, route: RouteDefinition, components: Record<string, JsonSchema>): OpenApiOperation {
  const operationName = pascal(key);
  const parameters = buildParameters(route, operationName, components);
  const operation: OpenApiOperation = {
    operationId: key,
    summary: route.summary,
    parameters,
    responses: {
      '200': {
        description: 'OK',
        content: FILE_RESPONSES[key]
          ? { [FILE_RESPONSES[key]]: { schema: { type: 'string', contentMediaType: FILE_RESPONSES[key] } } }
          : buildSuccessContent(operationName, route, parameters, components),
      },
    },
  };
  if (route.body) {
    const name = `${operationName}Body`;
    registerSchema(components, name, route.body, 'input');
    operation.requestBody = { required: true, content: { 'application/json': { schema: refTo(name) } } };
  }
  const reportOn422 = REPORT_ON_422[key];
  if (reportOn422) {
    operation.responses['422'] = {
      description: reportOn422,
      content: { 'application/json': { schema: refTo(`${operationName}Response`) } },
    };
  }
  if (route.params || route.query || route.body)
    operation.responses['400'] = { $ref: '#/components/responses/BadRequest' };
  if (listPathParameters(route.path).length > 0)
    operation.responses['404'] = { $ref: '#/components/responses/NotFound' };
  if (route.method === 'POST' || route.method === 'PUT') {
    operation.responses['413'] = { $ref: '#/components/responses/PayloadTooLarge' };
  }
  if (PUBLIC_OPERATIONS.has(key)) {
    operation.security = [];
  } else {
    operation.responses['401'] = { $ref: '#/components/responses/Unauthorized' };
    operation.responses['403'] = { $ref: '#/components/responses/Forbidden' };
  }
  operation.responses['500'] = { $ref: '#/components/responses/Internal' };
  return operation;
}

/**
 * The OpenAPI 3.1 document of the API, generated from the shared route table: per route its path (`:code` →
 * `{code}`), method, summary, path and query parameters (from the params / query schemas, as a client sends them),
 * request body, 200 response (JSON, and CSV / XLSX where the route offers `format`) and the error responses
 * (ApiErrorSchema). Built from whatever the table holds when called, so new routes appear without changes here.
 */
export function buildOpenApiDocument(table: Readonly<Record<string, RouteDefinition>>): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  registerSchema(schemas, 'ApiError', ApiErrorSchema, 'output');
  const errorContent = { 'application/json': { schema: refTo('ApiError') } };
  const paths: OpenApiDocument['paths'] = {};
  for (const [key, route] of Object.entries(table)) {
    const path = toOpenApiPath(route.path);
    paths[path] ??= {};
    const method = route.method.toLowerCase() as HttpMethod;
    paths[path][method] = buildOperation(key, route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '均衡 Junheng API',
      version: '1',
      description:
        '县域义务教育均衡发展监测接口（JSON over HTTP）。区县以6位代码标识；表格类接口支持 format=csv|xlsx 下载。' +
        ' / County school-equity API. Districts are addressed by their 6-digit code; table-shaped endpoints also' +
        ' answer format=csv|xlsx. Errors: { error: { code, message, details? } }.' +
        ' 认证：浏览器用登录后的会话 Cookie（写操作另带 X-CSRF-Token 头，值来自 /api/v1/auth/me）；脚本用' +
        ' `Authorization: Bearer <API 令牌>`（pnpm cli token create）。 / Auth: the session cookie from login (writes' +
        ' also send X-CSRF-Token from /api/v1/auth/me), or `Authorization: Bearer <API token>` for scripts.',
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, response]) => [name, { ...response, content: errorContent }]),
      ),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'jh_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API 令牌 jh_… / API token' },
      },
    },
  };
}
