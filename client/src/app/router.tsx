import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ViewPending } from '../components/view-pending.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useT } from '../i18n/i18n.tsx';
import { AppLayout } from './layout.tsx';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';

// Each view is its own chunk: the first screen loads the shell and one page; chart views bring ECharts with them.
const OverviewPage = lazy(() => import('../features/overview/overview-page.tsx'));
const DataPage = lazy(() => import('../features/data/data-page.tsx'));

function Pending({ title }: { title: MessageKey }) {
  const t = useT();
  return <ViewPending title={t(title)} />;
}

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'compliance', element: <Pending title="nav.compliance" /> },
      { path: 'balance', element: <Pending title="nav.balance" /> },
      { path: 'urban-rural', element: <Pending title="nav.urbanRural" /> },
      { path: 'rotation', element: <Pending title="nav.rotation" /> },
      { path: 'rankings', element: <Pending title="nav.rankings" /> },
      { path: 'schools', element: <Pending title="nav.school" /> },
      { path: 'schools/:code', element: <Pending title="nav.school" /> },
      { path: 'improve', element: <Pending title="nav.improve" /> },
      { path: 'data', element: <DataPage /> },
      { path: 'method', element: <Pending title="nav.method" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
