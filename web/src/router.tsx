import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { Layout, NotFound } from './ui/Layout.tsx';
import { Loading } from './ui/Feedback.tsx';
import { parseSearch, stringifySearch } from './search.ts';
import { validateActionSearch } from './features/actions/search.ts';
import { validateDocumentSearch } from './features/documents/search.ts';
import { validateSuggestionSearch } from './features/suggestions/search.ts';
import { validateStreamlineSearch } from './features/overlaps/search.ts';
import { validateReferenceSearch } from './features/references/search.ts';
import { validateCompareSearch } from './features/lineage/search.ts';
import { validateCarryOverSearch } from './features/carry-over/search.ts';
import { validateConsolidateSearch } from './features/streamline/search.ts';

// Pages load on demand: the charts library only when the dashboard is opened, and so on.
const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/dashboard/DashboardPage.tsx'), 'DashboardPage'),
});

const actionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions',
  validateSearch: validateActionSearch,
  component: lazyRouteComponent(() => import('./features/actions/ActionsPage.tsx'), 'ActionsPage'),
});

const actionDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions/$id',
  component: lazyRouteComponent(() => import('./features/actions/detail/ActionDetailPage.tsx'), 'ActionDetailPage'),
});

const suggestionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/suggestions',
  validateSearch: validateSuggestionSearch,
  component: lazyRouteComponent(() => import('./features/suggestions/SuggestionsPage.tsx'), 'SuggestionsPage'),
});

const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents',
  validateSearch: validateDocumentSearch,
  component: lazyRouteComponent(() => import('./features/documents/LibraryPage.tsx'), 'LibraryPage'),
});

const readerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id',
  component: lazyRouteComponent(() => import('./features/documents/reader/ReaderPage.tsx'), 'ReaderPage'),
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id/compare',
  validateSearch: validateCompareSearch,
  component: lazyRouteComponent(() => import('./features/lineage/ComparePage.tsx'), 'ComparePage'),
});

const consolidateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/streamline/consolidate',
  validateSearch: validateConsolidateSearch,
  component: lazyRouteComponent(() => import('./features/streamline/ConsolidatePage.tsx'), 'ConsolidatePage'),
});

const carryOverRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id/carry-over',
  validateSearch: validateCarryOverSearch,
  component: lazyRouteComponent(() => import('./features/carry-over/CarryOverPage.tsx'), 'CarryOverPage'),
});

const streamlineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/streamline',
  validateSearch: validateStreamlineSearch,
  component: lazyRouteComponent(() => import('./features/overlaps/StreamlinePage.tsx'), 'StreamlinePage'),
});

const overlapPairRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/streamline/pairs/$a/$b',
  component: lazyRouteComponent(() => import('./features/overlaps/PairPage.tsx'), 'PairPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('./features/import/ImportPage.tsx'), 'ImportPage'),
});

const referencesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/references',
  validateSearch: validateReferenceSearch,
  component: lazyRouteComponent(() => import('./features/references/ReferencesPage.tsx'), 'ReferencesPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: lazyRouteComponent(() => import('./features/auth/SignInPage.tsx'), 'SignInPage'),
});

const tokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tokens',
  component: lazyRouteComponent(() => import('./features/auth/TokensPage.tsx'), 'TokensPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  tokensRoute,
  dashboardRoute,
  actionsRoute,
  actionDetailRoute,
  suggestionsRoute,
  libraryRoute,
  readerRoute,
  consolidateRoute,
  compareRoute,
  carryOverRoute,
  importRoute,
  streamlineRoute,
  overlapPairRoute,
  referencesRoute,
]);

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  defaultPreload: 'intent',
  defaultPendingComponent: () => <Loading />,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
