// @vitest-environment jsdom
import { QUALITY_INDICATORS } from '@junheng/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CvTable } from '../../../components/cv-bar-panel.tsx';
import { I18nProvider } from '../../../i18n/i18n.tsx';
import { basicBalanceFixture, qualityIndicatorFixture } from '../../../test-utils/fixtures.ts';
import { CompositeLine } from './basic-cv-panel.tsx';

afterEach(cleanup);

/** The indicators of a view filtered down to one school, as the API gives them (issue #15 point 6). */
const oneSchool = QUALITY_INDICATORS.map((d) =>
  qualityIndicatorFixture(d.key, { n: 1, cv: null, cvPasses: null, cvNullReason: 'too_few_units', sd: 0 }),
);

describe('CV verdicts in the balance tables', () => {
  it('should say that a CV is not meaningful for one school instead of ✓ 达标 (#15.6)', () => {
    render(
      <I18nProvider initialLang="zh">
        <CvTable indicators={oneSchool} caption="差异系数" />
      </I18nProvider>,
    );
    const table = screen.getByRole('table', { name: '差异系数' });
    expect(within(table).getAllByText('差异系数无意义（少于 2 所学校）')).toHaveLength(7);
    expect(within(table).queryByText(/✓/)).toBeNull();
    expect(within(table).queryByText('0.000')).toBeNull();
  });

  it('should say it in English too', () => {
    render(
      <I18nProvider initialLang="en">
        <CvTable indicators={oneSchool.slice(0, 1)} caption="CV" />
      </I18nProvider>,
    );
    expect(screen.getByText('CV not meaningful (fewer than 2 schools)')).toBeTruthy();
  });

  it('should show a failing CV of 0.5004 with 4 decimals, not as the limit 0.500 (#9.11)', () => {
    const [first] = QUALITY_INDICATORS;
    const failing = qualityIndicatorFixture(first?.key ?? 'higher_degree_teachers_per100', {
      cv: 0.5004,
      cvLimit: 0.5,
      cvPasses: false,
    });
    render(
      <I18nProvider initialLang="zh">
        <CvTable indicators={[failing]} caption="差异系数" />
      </I18nProvider>,
    );
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('0.5004')).toBeTruthy();
    expect(within(row).getByText(/未达标/)).toBeTruthy();
  });

  it('should say that the 2012 composite is not meaningful for one row', () => {
    const data = basicBalanceFixture({
      schoolsCounted: 1,
      compositeCv: null,
      compositePasses: null,
      compositeNullReason: 'too_few_units',
    });
    render(
      <I18nProvider initialLang="zh">
        <CompositeLine data={data} />
      </I18nProvider>,
    );
    expect(screen.getByText('差异系数无意义（少于 2 所学校）')).toBeTruthy();
    expect(screen.queryByText(/✓/)).toBeNull();
  });
});
