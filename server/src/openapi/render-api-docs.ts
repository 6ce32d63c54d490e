import type {
  HttpMethod,
  JsonSchema,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
} from './build-openapi-document.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const METHOD_COLOURS: Record<HttpMethod, string> = {
  get: '#1d6fb8',
  post: '#2e7d32',
  put: '#b26a00',
  delete: '#c62828',
};

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema;
  return document.components.schemas[ref.slice('#/components/schemas/'.length)] ?? schema;
}

const refName = (schema: JsonSchema) =>
  typeof schema.$ref === 'string' ? schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1) : null;

const listOf = (value: unknown): JsonSchema[] => (Array.isArray(value) ? (value as JsonSchema[]) : []);

/** A one-line summary of a schema for a reader: type, allowed values, range, default. */
export function summariseSchema(document: OpenApiDocument, schema: JsonSchema, depth = 0): string {
  const name = refName(schema);
  if (name && depth > 0) return name;
  const s = resolve(document, schema);
  const parts: string[] = [];
  const alternatives = [...listOf(s.anyOf), ...listOf(s.oneOf)];
  if (Array.isArray(s.enum)) {
    parts.push(s.enum.map((v) => JSON.stringify(v)).join(' | '));
  } else if (s.const !== undefined) {
    parts.push(JSON.stringify(s.const));
  } else if (alternatives.length > 0) {
    parts.push(alternatives.map((a) => summariseSchema(document, a, depth + 1)).join(' 或/or '));
  } else if (s.type === 'object' && Array.isArray((s.propertyNames as JsonSchema | undefined)?.enum)) {
    const keys = (s.propertyNames as { enum: unknown[] }).enum.join(' | ');
    const values = s.additionalProperties
      ? summariseSchema(document, s.additionalProperties as JsonSchema, depth + 1)
      : 'any';
    parts.push(`object { ${keys} → ${values} }`);
  } else if (s.type === 'array') {
    parts.push(`array of ${s.items ? summariseSchema(document, s.items as JsonSchema, depth + 1) : 'any'}`);
  } else if (typeof s.type === 'string') {
    parts.push(s.type);
  } else if (Array.isArray(s.type)) {
    parts.push(s.type.join(' | '));
  } else {
    parts.push('any');
  }
  // zod states JavaScript's safe-integer range on every int(); it says nothing to a reader.
  const bound = (value: unknown) =>
    typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;
  const min = bound(s.minimum ?? s.exclusiveMinimum);
  const max = bound(s.maximum ?? s.exclusiveMaximum);
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max}`);
  else if (min !== undefined) parts.push(`${s.exclusiveMinimum === undefined ? '≥' : '>'} ${min}`);
  else if (max !== undefined) parts.push(`${s.exclusiveMaximum === undefined ? '≤' : '<'} ${max}`);
  if (typeof s.pattern === 'string') parts.push(`/${s.pattern}/`);
  if (typeof s.maxItems === 'number') parts.push(`≤ ${s.maxItems} items`);
  if (s.default !== undefined) parts.push(`默认/default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

const yesNo = (value: boolean) => (value ? '是 yes' : '否 no');

function renderParameters(document: OpenApiDocument, parameters: readonly OpenApiParameter[]): string {
  if (parameters.length === 0) return '<p class="muted">无参数 / No parameters</p>';
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${yesNo(p.required)}</td>` +
        `<td><code>${escapeHtml(summariseSchema(document, p.schema))}</code></td>` +
        `<td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  return (
    '<table><thead><tr><th>名称 Name</th><th>位置 In</th><th>必填 Required</th><th>类型/取值 Type, values</th>' +
    `<th>说明 Description</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The fields of an object schema (or of each alternative of a union), nested one level for arrays of variants. */
function renderFields(document: OpenApiDocument, schema: JsonSchema, depth = 0): string {
  const s = resolve(document, schema);
  const alternatives = [...listOf(s.anyOf), ...listOf(s.oneOf)];
  if (alternatives.length > 0 && depth < 2) {
    return `<ul>${alternatives.map((a) => `<li>其一 / one of: ${renderFields(document, a, depth + 1)}</li>`).join('')}</ul>`;
  }
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const entries = Object.entries(properties);
  if (entries.length === 0) return `<code>${escapeHtml(summariseSchema(document, s))}</code>`;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const rows = entries
    .map(([name, field]) => {
      const resolved = resolve(document, field);
      const items =
        resolved.type === 'array' && resolved.items ? resolve(document, resolved.items as JsonSchema) : null;
      const variants = items ? [...listOf(items.anyOf), ...listOf(items.oneOf)] : [];
      const detail =
        variants.length > 0 && depth < 2
          ? `array of:${renderFields(document, items as JsonSchema, depth + 1)}`
          : `<code>${escapeHtml(summariseSchema(document, field))}</code>`;
      return `<tr><td><code>${escapeHtml(name)}</code></td><td>${yesNo(required.has(name))}</td><td>${detail}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>字段 Field</th><th>必填 Required</th><th>类型 Type</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderResponses(document: OpenApiDocument, responses: OpenApiOperation['responses']): string {
  const items = Object.entries(responses).map(([status, response]) => {
    const r: OpenApiResponse =
      '$ref' in response
        ? (document.components.responses[response.$ref.slice(response.$ref.lastIndexOf('/') + 1)] ?? {
            description: '',
          })
        : response;
    const types = Object.entries(r.content ?? {}).map(([type, media]) => {
      const name = refName(media.schema);
      const fields = name ? Object.keys((resolve(document, media.schema).properties ?? {}) as object) : [];
      const detail = fields.length > 0 ? `：${fields.map((f) => `<code>${escapeHtml(f)}</code>`).join(', ')}` : '';
      return `<code>${escapeHtml(type)}</code>${name ? ` (${escapeHtml(name)})` : ''}${detail}`;
    });
    return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description)}${types.length > 0 ? `<br>${types.join('<br>')}` : ''}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function renderOperation(document: OpenApiDocument, path: string, method: HttpMethod, operation: OpenApiOperation) {
  const body = operation.requestBody?.content['application/json'];
  return [
    `<section id="${escapeHtml(operation.operationId)}">`,
    `<h2><span class="method" style="background:${METHOD_COLOURS[method]}">${method.toUpperCase()}</span> `,
    `<code>${escapeHtml(path)}</code></h2>`,
    `<p>${escapeHtml(operation.summary)} <span class="muted">(${escapeHtml(operation.operationId)})</span></p>`,
    '<h3>参数 Parameters</h3>',
    renderParameters(document, operation.parameters),
    body ? `<h3>请求体 Request body (application/json)</h3>${renderFields(document, body.schema)}` : '',
    '<h3>响应 Responses</h3>',
    renderResponses(document, operation.responses),
    '</section>',
  ].join('');
}

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f8fa;line-height:1.5}
header,main{max-width:1100px;margin:0 auto;padding:16px 24px}
header{border-bottom:1px solid #d9dee5;background:#fff;max-width:none}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:0 0 4px}h3{font-size:14px;margin:12px 0 4px;color:#52606d}
section{background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:14px 18px;margin:14px 0}
.method{display:inline-block;color:#fff;border-radius:4px;padding:1px 8px;font-size:13px;min-width:44px;text-align:center}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #e4e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5}code{font-family:Consolas,"Courier New",monospace;font-size:12.5px}
.muted{color:#7b8794}nav ul{columns:2;font-size:13px}a{color:#1d6fb8}
`;

/**
 * The human-readable API page, rendered on the server from the OpenAPI document: every endpoint with method, path,
 * summary, parameters (name, where, required, type or allowed values, description), request body fields and
 * responses, in Chinese with English. No script and no external resource (CSP `default-src 'self'`).
 */
export function renderApiDocs(document: OpenApiDocument, openApiUrl = '/api/openapi.json'): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method: method as HttpMethod,
      operation: operation as OpenApiOperation,
    })),
  );
  const nav = operations
    .map(
      ({ path, method, operation }) =>
        `<li><a href="#${escapeHtml(operation.operationId)}">${method.toUpperCase()} ${escapeHtml(path)}</a> ` +
        `<span class="muted">${escapeHtml(operation.summary)}</span></li>`,
    )
    .join('');
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.info.title)} 接口文档 / API reference</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(document.info.title)} 接口文档 <span class="muted">API reference</span></h1>`,
    `<p>${escapeHtml(document.info.description)}</p>`,
    `<p>OpenAPI ${escapeHtml(document.openapi)} 文档（机器可读）/ Machine-readable document: `,
    `<a href="${escapeHtml(openApiUrl)}">${escapeHtml(openApiUrl)}</a></p></header>`,
    `<main><nav><h2>接口列表 / Endpoints (${operations.length})</h2><ul>${nav}</ul></nav>`,
    operations.map(({ path, method, operation }) => renderOperation(document, path, method, operation)).join(''),
    '</main></body></html>',
  ].join('');
}
