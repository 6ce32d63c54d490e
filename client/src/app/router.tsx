import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { preloadEChart } from '../components/lazy-echart.tsx';
import { buildLoginHref, LOGIN_PATH, loginReasonOf } from '../features/auth/return-url.ts';
import { setUnauthorizedHandler } from '../lib/api-client.ts';
import { followRouterLocation } from '../lib/latest-search-params.ts';
import { AppLayout } from './layout.tsx';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';
import { viewLoaders } from './view-loaders.ts';

// Each view is its own chunk: the first screen loads the shell and one page; chart views bring ECharts with them.
// The router loads a view's chunk before showing it (route `lazy`), rather than React.lazy behind a Suspense
// fallback: React holds a boundary's content back for up to 300 ms after its fallback appeared, and the view's own
// requests (report prefetch, ECharts) start only once it mounts, so every first screen waited for that.
const view = (load: () => Promise<{ default: ComponentType }>) => () =>
  load().then((module) => ({ Component: module.default }));
// A view with charts starts the ECharts chunk with its own, not after its first render: the chunk then arrives
// (and is compiled off the main thread) while the view renders and its reports load.
const chartView = (load: () => Promise<{ default: ComponentType }>) => () => {
  preloadEChart();
  return view(load)();
};

function NothingYet() {
  return null;
}

const LoginPage = lazy(() => import('../features/auth/login-page.tsx'));
const AccountPage = lazy(() => import('../features/auth/account-page.tsx'));
const AdminPage = lazy(() => import('../features/admin/admin-page.tsx'));

/** The routes; each county view's loader starts its reports (view-loaders.ts) while the view's chunk loads. */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  const loaders = viewLoaders(queryClient);
  return [
    // Outside the layout: no navigation or user menu before signing in.
    {
      path: LOGIN_PATH,
      element: (
        <Suspense fallback={null}>
          <LoginPage />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/',
      element: <AppLayout />,
      // While the first view's chunk loads (a few ms from cache): nothing, rather than a flash of the empty shell.
      HydrateFallback: NothingYet,
      errorElement: <RouteErrorPage />,
      children: [
        {
          index: true,
          loader: loaders.overview,
          lazy: chartView(() => import('../features/overview/overview-page.tsx')),
        },
        {
          path: 'scorecard',
          loader: loaders.scorecard,
          lazy: view(() => import('../features/scorecard/scorecard-page.tsx')),
        },
        {
          path: 'compliance',
          loader: loaders.balanceReport,
          lazy: chartView(() => import('../features/compliance/compliance-page.tsx')),
        },
        {
          path: 'balance',
          loader: loaders.balanceReport,
          lazy: chartView(() => import('../features/balance/balance-page.tsx')),
        },
        {
          path: 'urban-rural',
          loader: loaders.urbanRural,
          lazy: chartView(() => import('../features/urban-rural/urban-rural-page.tsx')),
        },
        {
          path: 'rotation',
          loader: loaders.rotation,
          lazy: chartView(() => import('../features/teacher-exchange/teacher-exchange-page.tsx')),
        },
        {
          path: 'class-size',
          loader: loaders.classSize,
          lazy: chartView(() => import('../features/class-size/class-size-page.tsx')),
        },
        {
          path: 'rankings',
          loader: loaders.rankings,
          lazy: chartView(() => import('../features/rankings/rankings-page.tsx')),
        },
        {
          path: 'schools',
          loader: loaders.balanceReport,
          lazy: view(() => import('../features/schools/school-picker-page.tsx')),
        },
        {
          path: 'schools/:code',
          loader: loaders.schoolProfile,
          lazy: chartView(() => import('../features/schools/school-profile-page.tsx')),
        },
        {
          path: 'improve',
          loader: loaders.improve,
          lazy: chartView(() => import('../features/improve/improve-page.tsx')),
        },
        { path: 'data', lazy: view(() => import('../features/data/data-page.tsx')) },
        { path: 'method', lazy: view(() => import('../features/method/method-page.tsx')) },
        {
          path: 'counties',
          loader: loaders.counties,
          lazy: chartView(() => import('../features/counties/counties-page.tsx')),
        },
        { path: 'account', element: <AccountPage /> },
        { path: 'admin', element: <AdminPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/**
 * The router, wired to the API client: a 401 from any request (the session expired, was revoked, or never existed)
 * leads to the login page, which returns to this URL afterwards. Views never handle 401 themselves.
 */
export function createAppRouter(queryClient: QueryClient) {
  const router = createBrowserRouter(appRoutes(queryClient));
  followRouterLocation(() => router.state.navigation.location ?? router.state.location);
  setUnauthorizedHandler((error) => {
    const { pathname, search } = router.state.location;
    if (pathname === LOGIN_PATH) return;
    void router.navigate(buildLoginHref({ pathname, search }, loginReasonOf(error.details)), { replace: true });
  });
  return router;
}
