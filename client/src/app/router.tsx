import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { buildLoginHref, LOGIN_PATH, loginReasonOf } from '../features/auth/return-url.ts';
import { setUnauthorizedHandler } from '../lib/api-client.ts';
import { AppLayout } from './layout.tsx';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';

// Each view is its own chunk: the first screen loads the shell and one page; chart views bring ECharts with them.
const OverviewPage = lazy(() => import('../features/overview/overview-page.tsx'));
const DataPage = lazy(() => import('../features/data/data-page.tsx'));
const CompliancePage = lazy(() => import('../features/compliance/compliance-page.tsx'));
const BalancePage = lazy(() => import('../features/balance/balance-page.tsx'));
const RankingsPage = lazy(() => import('../features/rankings/rankings-page.tsx'));
const UrbanRuralPage = lazy(() => import('../features/urban-rural/urban-rural-page.tsx'));
const RotationPage = lazy(() => import('../features/rotation/rotation-page.tsx'));
const SchoolPickerPage = lazy(() => import('../features/schools/school-picker-page.tsx'));
const SchoolProfilePage = lazy(() => import('../features/schools/school-profile-page.tsx'));
const MethodPage = lazy(() => import('../features/method/method-page.tsx'));
const ImprovePage = lazy(() => import('../features/improve/improve-page.tsx'));
const LoginPage = lazy(() => import('../features/auth/login-page.tsx'));
const AccountPage = lazy(() => import('../features/auth/account-page.tsx'));
const AdminPage = lazy(() => import('../features/admin/admin-page.tsx'));

export const appRoutes: RouteObject[] = [
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
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'balance', element: <BalancePage /> },
      { path: 'urban-rural', element: <UrbanRuralPage /> },
      { path: 'rotation', element: <RotationPage /> },
      { path: 'rankings', element: <RankingsPage /> },
      { path: 'schools', element: <SchoolPickerPage /> },
      { path: 'schools/:code', element: <SchoolProfilePage /> },
      { path: 'improve', element: <ImprovePage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'method', element: <MethodPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The router, wired to the API client: a 401 from any request (the session expired, was revoked, or never existed)
 * leads to the login page, which returns to this URL afterwards. Views never handle 401 themselves.
 */
export function createAppRouter() {
  const router = createBrowserRouter(appRoutes);
  setUnauthorizedHandler((error) => {
    const { pathname, search } = router.state.location;
    if (pathname === LOGIN_PATH) return;
    void router.navigate(buildLoginHref({ pathname, search }, loginReasonOf(error.details)), { replace: true });
  });
  return router;
}
