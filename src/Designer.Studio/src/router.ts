import { useMemo } from 'react';
import { useLocation, type createHashRouter } from 'react-router';

/**
 * Hash routing (`#/workflows/x?y=1`, react-router's hash router: works behind any static file server without a
 * fallback route). The route table is `routes.tsx`; these helpers let code outside a component navigate too.
 */
export interface Route {
  path: string;
  query: URLSearchParams;
}

type AppRouter = ReturnType<typeof createHashRouter>;
let appRouter: AppRouter | null = null;

export function setAppRouter(router: AppRouter) {
  appRouter = router;
}

export function useRoute(): Route {
  const { pathname, search } = useLocation();
  return useMemo(() => ({ path: pathname || '/', query: new URLSearchParams(search) }), [pathname, search]);
}

/** Navigates through the router (so that a page with unsaved edits can ask first). */
export function navigate(to: string, replace = false) {
  const path = to.startsWith('/') ? to : '/' + to;
  if (appRouter) void appRouter.navigate(path, { replace });
  else if (replace) window.location.replace('#' + path);
  else window.location.hash = '#' + path;
}

export function href(to: string) {
  return '#' + (to.startsWith('/') ? to : '/' + to);
}

export function withQuery(path: string, query: Record<string, string | undefined | null>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
