// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { followRouterLocation, useSetLatestSearchParams } from './latest-search-params.ts';

type Setter = ReturnType<typeof useSetLatestSearchParams>;

function setParam(key: string, value: string) {
  return (previous: URLSearchParams) => {
    const next = new URLSearchParams(previous);
    next.set(key, value);
    return next;
  };
}

function renderRouter(follow: boolean) {
  const captured: { set?: Setter } = {};
  function Page() {
    captured.set = useSetLatestSearchParams();
    return <output data-testid="search">{useLocation().search}</output>;
  }
  const router = createMemoryRouter(
    [
      { path: '/rotation', element: <Page /> },
      { path: '/other', element: <Page /> },
    ],
    { initialEntries: ['/rotation?year=2025'] },
  );
  followRouterLocation(
    follow ? () => router.state.navigation.location ?? router.state.location : () => ({ pathname: '', search: '' }),
  );
  render(<RouterProvider router={router} />);
  return { router, captured };
}

afterEach(cleanup);

describe('useSetLatestSearchParams', () => {
  it('should keep the first of two changes made before the page re-renders', async () => {
    const { captured, router } = renderRouter(true);
    const set = captured.set as Setter;
    // Both changes use the setter of one render, as two selects changed before React commits the first navigation do.
    await act(async () => {
      set(setParam('multiYear', 'every_year'));
      set(setParam('ratioSchools', 'all'));
    });
    expect(router.state.location.search).toBe('?year=2025&multiYear=every_year&ratioSchools=all');
    expect(screen.getByTestId('search').textContent).toBe('?year=2025&multiYear=every_year&ratioSchools=all');
  });

  it('should build on the rendered URL when the router is on its way to another page', async () => {
    // The follower reports another pathname: the page's own search is the base, as for React Router's own setter.
    const { captured, router } = renderRouter(false);
    const set = captured.set as Setter;
    await act(async () => {
      set(setParam('multiYear', 'every_year'));
      set(setParam('ratioSchools', 'all'));
    });
    expect(router.state.location.pathname).toBe('/rotation');
    expect(router.state.location.search).toBe('?year=2025&ratioSchools=all');
  });

  it('should pass navigation options on and drop an empty search', async () => {
    const { captured, router } = renderRouter(true);
    await act(async () => {
      (captured.set as Setter)(() => new URLSearchParams(), { replace: true });
    });
    expect(router.state.location.search).toBe('');
    expect(router.state.historyAction).toBe('REPLACE');
  });
});
