import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { Layout, NotFound } from './ui/Layout.tsx';
import { parseSearch, stringifySearch } from './search.ts';
import { validateActionSearch } from './features/actions/search.ts';
import { validateDocumentSearch } from './features/documents/search.ts';
import { validateSuggestionSearch } from './features/suggestions/search.ts';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { ActionsPage } from './features/actions/ActionsPage.tsx';
import { ActionDetailPage } from './features/actions/detail/ActionDetailPage.tsx';
import { SuggestionsPage } from './features/suggestions/SuggestionsPage.tsx';
import { LibraryPage } from './features/documents/LibraryPage.tsx';
import { ReaderPage } from './features/documents/reader/ReaderPage.tsx';
import { ImportPage } from './features/import/ImportPage.tsx';

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: DashboardPage });

const actionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions',
  validateSearch: validateActionSearch,
  component: ActionsPage,
});

const actionDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions/$id',
  component: ActionDetailPage,
});

const suggestionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/suggestions',
  validateSearch: validateSuggestionSearch,
  component: SuggestionsPage,
});

const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents',
  validateSearch: validateDocumentSearch,
  component: LibraryPage,
});

const readerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id',
  component: ReaderPage,
});

const importRoute = createRoute({ getParentRoute: () => rootRoute, path: '/import', component: ImportPage });

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  actionsRoute,
  actionDetailRoute,
  suggestionsRoute,
  libraryRoute,
  readerRoute,
  importRoute,
]);

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  defaultPreload: false,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
