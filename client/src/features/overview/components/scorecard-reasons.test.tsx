// @vitest-environment jsdom
import { type ScorecardItem, ScorecardResponseSchema } from '@junheng/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { I18nProvider } from '../../../i18n/i18n.tsx';
import { ScorecardReasons } from './scorecard-reasons.tsx';

const base: Omit<ScorecardItem, 'key' | 'area' | 'status' | 'zh' | 'en' | 'source' | 'view' | 'value'> = {
  stage: null,
  kind: 'ratio',
  tally: null,
  requirementZh: '100%',
  requirementEn: '100%',
  detailZh: null,
  detailEn: null,
  schools: [],
  note: null,
  enteredBy: null,
  enteredAt: null,
};
const item = (patch: Partial<ScorecardItem> & Pick<ScorecardItem, 'key' | 'area' | 'status'>): ScorecardItem => ({
  ...base,
  zh: patch.key,
  en: patch.key,
  source: 'computed',
  view: 'scorecard',
  value: 0.5,
  ...patch,
});

const report = ScorecardResponseSchema.parse({
  district: { code: '330999', name: '澄川县' },
  year: 2025,
  years: [2025],
  accessScope: { restricted: false, townships: [] },
  filters: { townships: [], locales: [], groups: [], includePrivate: true },
  items: [
    item({ key: 'resource_schools_primary', area: 'resource', status: 'fail', view: 'compliance', stage: 'primary' }),
    item({ key: 'resource_cv_primary', area: 'resource', status: 'pass', view: 'balance', stage: 'primary' }),
    item({ key: 'class_size', area: 'guarantee', status: 'fail', view: 'class_size', zh: '班额' }),
    item({ key: 'teacher_certificate_rate', area: 'guarantee', status: 'fail', zh: '专任教师持证上岗率' }),
    item({
      key: 'layout_planning',
      area: 'guarantee',
      status: 'not_entered',
      source: 'entered',
      view: 'county_inputs',
      value: null,
      zh: '学校规划布局合理',
    }),
    item({
      key: 'social_recognition',
      area: 'recognition',
      status: 'fail',
      source: 'entered',
      view: 'county_inputs',
      value: 0.8,
      zh: '社会认可度',
    }),
  ],
  areas: [
    { area: 'resource', total: 2, pass: 1, fail: 1, notEntered: 0 },
    { area: 'guarantee', total: 3, pass: 0, fail: 2, notEntered: 1 },
    { area: 'quality', total: 0, pass: 0, fail: 0, notEntered: 0 },
    { area: 'recognition', total: 1, pass: 0, fail: 1, notEntered: 0 },
  ],
  summary: { total: 6, pass: 1, fail: 4, notEntered: 1 },
  passes: false,
  inputsUpdatedAt: null,
});

const county: CountyQuery = {
  code: '330999',
  year: 2025,
  stage: 'primary',
  township: [],
  locale: [],
  group: [],
  includePrivate: true,
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      if (String(input).startsWith('/api/v1/districts/330999/scorecard?year=2025')) {
        return new Response(JSON.stringify(report), { headers: { 'Content-Type': 'application/json' } });
      }
      throw new Error(`unexpected ${String(input)}`);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe(ScorecardReasons.name, () => {
  it('should list every failing item of all parts with its link, and not-entered items apart', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <MemoryRouter initialEntries={['/?district=330999&year=2025']}>
        <I18nProvider initialLang="zh">
          <QueryClientProvider client={queryClient}>
            <ScorecardReasons county={county} />
          </QueryClientProvider>
        </I18nProvider>
      </MemoryRouter>,
    );
    await screen.findByText('4 项未达标：');
    const failing = [...document.querySelectorAll('[data-list="failing"] li')];
    expect(failing.map((li) => li.getAttribute('data-item'))).toEqual([
      'resource_schools_primary',
      'class_size',
      'teacher_certificate_rate',
      'social_recognition',
    ]);
    const href = (key: string) =>
      document.querySelector(`[data-list="failing"] li[data-item="${key}"] a`)?.getAttribute('href');
    // Primary is the default stage: the link names none, and lists failing schools first.
    expect(href('resource_schools_primary')).toMatch(/^\/compliance\?district=330999&year=2025&sort=passes&order=asc$/);
    expect(href('class_size')).toMatch(/^\/class-size\?district=330999&year=2025/);
    expect(href('teacher_certificate_rate')).toBe(
      '/scorecard?district=330999&year=2025#scorecard-schools-teacher_certificate_rate',
    );
    expect(href('social_recognition')).toBe('/data?district=330999&year=2025#county-input-social_recognition');
    // Not entered: listed as such, never among the failing or passing items.
    screen.getByText('1 项尚未填报（不计为达标）：');
    const missing = document.querySelector('[data-list="not-entered"] [data-item="layout_planning"]');
    expect(missing?.getAttribute('href')).toBe('/data?district=330999&year=2025#county-input-layout_planning');
    expect(document.querySelector('[data-list="failing"] [data-item="resource_cv_primary"]')).toBeNull();
  });
});
