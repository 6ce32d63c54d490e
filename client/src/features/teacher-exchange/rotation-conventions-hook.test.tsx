// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { followRouterLocation } from '../../lib/latest-search-params.ts';
import { type RotationConventions, useRotationConventions } from './rotation-conventions-param.ts';

afterEach(cleanup);

describe(useRotationConventions.name, () => {
  // The CI run of 2026-12-07 lost 多年交流 when 交流比例计入 was changed before the page had re-rendered.
  it('should keep both conventions when the second is changed before the page re-renders', async () => {
    let change: ((patch: Partial<RotationConventions>) => void) | undefined;
    function Page() {
      change = useRotationConventions()[1];
      return null;
    }
    const router = createMemoryRouter([{ path: '/rotation', element: <Page /> }], {
      initialEntries: ['/rotation?year=2025'],
    });
    followRouterLocation(() => router.state.navigation.location ?? router.state.location);
    render(<RouterProvider router={router} />);
    const changeOfFirstRender = change as (patch: Partial<RotationConventions>) => void;
    await act(async () => {
      changeOfFirstRender({ multiYear: 'every_year' });
      changeOfFirstRender({ ratioSchools: 'all' });
    });
    expect(new URLSearchParams(router.state.location.search).toString()).toBe(
      'year=2025&multiYear=every_year&ratioSchools=all',
    );
  });
});
