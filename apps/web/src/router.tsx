import { Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useRouteError } from 'react-router';
import type { ClientModule } from '../../../platform/client/module.js';
import { AppLayout } from './layout/app-layout.js';
import { AuthGate } from './layout/auth-gate.js';
import { ErrorScreen } from './layout/error-screen.js';
import { NotFound } from './layout/not-found.js';
import { FullPageSpin, SetupGate } from './layout/setup-gate.js';

function RouteError() {
  return <ErrorScreen error={useRouteError()} />;
}

/**
 * `/` → setup gate → public pages (setup, sign-in, invite) | auth gate → layout → module pages.
 * The first navigation item is the home page.
 */
export function buildRoutes(modules: ClientModule[]): RouteObject[] {
  const home = modules.flatMap((m) => m.nav).find((n) => !n.roles)?.path ?? '/settings';
  return [
    {
      path: '/',
      element: <SetupGate />,
      errorElement: <RouteError />,
      children: [
        ...modules.flatMap((m) => m.publicRoutes ?? []),
        {
          element: <AuthGate />,
          children: [
            {
              element: (
                <Suspense fallback={<FullPageSpin />}>
                  <AppLayout />
                </Suspense>
              ),
              children: [
                { index: true, element: <Navigate to={home} replace /> },
                ...modules.flatMap((m) => m.routes),
                ...(modules.some((m) => m.adminTabs?.length)
                  ? [
                      {
                        path: 'admin/:tab?',
                        lazy: async () => ({ Component: (await import('./layout/admin-console.js')).AdminConsole }),
                      },
                    ]
                  : []),
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createRouter(modules: ClientModule[]) {
  return createBrowserRouter(buildRoutes(modules));
}
