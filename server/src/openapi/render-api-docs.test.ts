import type { RouteDefinition } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument } from './build-openapi-document.ts';
import { escapeHtml, renderApiDocs, summariseSchema } from './render-api-docs.ts';

const table = {
  getThing: {
    method: 'GET',
    path: '/api/v1/districts/:code/thing',
    params: z.object({ code: z.string() }),
    query: z.object({ stage: z.enum(['primary', 'junior']), year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({ value: z.number() }),
    summary: '<b>一件事</b> & more',
  },
  postThing: {
    method: 'POST',
    path: '/api/v1/things',
    body: z.object({
      changes: z.array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('a'), n: z.number() }),
          z.object({ type: z.literal('b') }),
        ]),
      ),
    }),
    response: z.object({ ok: z.boolean() }),
    summary: '提交',
  },
} satisfies Record<string, RouteDefinition>;

describe(renderApiDocs.name, () => {
  const sut = renderApiDocs(buildOpenApiDocument(table));

  it('should list each endpoint with its method, path, parameters and body fields', () => {
    expect(sut).toContain('<code>/api/v1/districts/{code}/thing</code>');
    expect(sut).toContain('<code>/api/v1/things</code>');
    expect(sut).toContain('&quot;primary&quot; | &quot;junior&quot;');
    expect(sut).toContain('integer, 2000–2100');
    expect(sut).toContain('&quot;a&quot;');
    expect(sut).toContain('href="/api/openapi.json"');
  });

  it('should escape text and carry no script or external resource', () => {
    expect(sut).toContain('&lt;b&gt;一件事&lt;/b&gt; &amp; more');
    expect(sut).not.toMatch(/<script|src=|https?:\/\//i);
  });
});

describe(summariseSchema.name, () => {
  it('should summarise enums, ranges, defaults and lists', () => {
    const document = buildOpenApiDocument({});
    expect(summariseSchema(document, { type: 'string', enum: ['zh', 'en'], default: 'zh' })).toBe(
      '"zh" | "en", 默认/default "zh"',
    );
    expect(summariseSchema(document, { type: 'integer', minimum: 0, maximum: 9007199254740991 })).toBe('integer, ≥ 0');
    expect(
      summariseSchema(document, { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }),
    ).toBe('string 或/or array of string');
  });
});

describe(escapeHtml.name, () => {
  it('should escape the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
