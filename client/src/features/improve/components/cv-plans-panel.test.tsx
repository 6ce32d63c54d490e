// @vitest-environment jsdom
import type { DistanceToPassResponse } from '@junheng/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelQueryState } from '../../../components/chart-panel.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { I18nProvider } from '../../../i18n/i18n.tsx';
import { CvPlansPanel } from './cv-plans-panel.tsx';

vi.mock('../../../components/lazy-echart.tsx', () => ({ preloadEChart: vi.fn(), LazyEChart: () => null }));

const county: CountyQuery = {
  code: '213399',
  year: 2025,
  stage: 'primary',
  township: [],
  locale: [],
  group: [],
  includePrivate: true,
};
const ready: PanelQueryState = {
  isPending: false,
  isError: false,
  error: null,
  isPlaceholderData: false,
  refetch: vi.fn(),
};

/** Only the fields the panel reads: a county-year with schools and no failing CV, or with no school at all. */
function report(schoolsCounted: number): DistanceToPassResponse {
  return {
    cvPlans: [],
    schoolsCounted,
    district: { code: '213399', name: '澄川县' },
  } as unknown as DistanceToPassResponse;
}

afterEach(() => cleanup());

describe('CvPlansPanel', () => {
  it('should say that no plan is needed when every CV is within its limit, not that no school matches', () => {
    render(
      <I18nProvider initialLang="zh">
        <CvPlansPanel county={county} query={ready} report={report(42)} stageLabel="小学" cvLimit={0.5} />
      </I18nProvider>,
    );
    expect(screen.getByText('无需方案：各项差异系数均在限值以内')).toBeTruthy();
    expect(screen.getByText(/都在限值 0\.50 以内/)).toBeTruthy();
    expect(screen.queryByText('没有符合筛选条件的学校')).toBeNull();
  });

  it('should keep the filter message when the filters leave no school', () => {
    render(
      <I18nProvider initialLang="en">
        <CvPlansPanel county={county} query={ready} report={report(0)} stageLabel="Primary" cvLimit={0.5} />
      </I18nProvider>,
    );
    expect(screen.getByText('No school matches the filters')).toBeTruthy();
  });
});
