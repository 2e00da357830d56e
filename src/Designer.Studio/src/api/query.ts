import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from './client';

/**
 * Every read and write of the Studio goes through this query client, so that one handler sees every failure: a 401
 * (the session expired, or its cookie is gone) sends the user to sign-in once, however many requests fail together.
 */

type UnauthorizedHandler = () => void | Promise<void>;
let onUnauthorized: UnauthorizedHandler | null = null;
let handling = false;

/** The app registers what a 401 does (AuthProvider's session check, which then routes to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null) {
  onUnauthorized = handler;
}

function handleError(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 401 || !onUnauthorized || handling) return;
  handling = true;
  Promise.resolve(onUnauthorized()).finally(() => (handling = false));
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({
    onError: handleError,
    // A write may change any list the user looks at: what is on screen is fetched again (except fixed data such as
    // the activity catalog, and after checks that write nothing, such as validation).
    onSuccess: (_data, _variables, _context, mutation) => {
      if (mutation.meta?.invalidates === false) return;
      void queryClient.invalidateQueries({ predicate: (q) => q.meta?.fixed !== true });
    },
  }),
  defaultOptions: {
    // A 4xx answer is the answer: retrying a 404 or 422 only delays the message.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** A read: `{data, error, loading, reload, setData}` for the page; `key` names what is read (and its parameters). */
export function useApiQuery<T>(key: QueryKey, load: () => Promise<T>, options: { enabled?: boolean; fixed?: boolean } = {}) {
  const query = useQuery({
    queryKey: key,
    queryFn: load,
    enabled: options.enabled,
    ...(options.fixed ? { staleTime: Infinity, meta: { fixed: true } } : {}),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback((data: T) => queryClient.setQueryData(key, data), [JSON.stringify(key)]); // eslint-disable-line react-hooks/exhaustive-deps
  return { data: query.data, error: query.error, loading: query.isLoading, fetching: query.isFetching, reload, setData };
}

/**
 * A write: `const write = useWrite(); await write(() => api.post(...))`. It runs as a TanStack mutation (the 401
 * handler sees it, lists on screen are fetched again after it unless `invalidates: false`) and `pending` is true while
 * one runs.
 */
export function useWrite(options: { invalidates?: boolean } = {}) {
  const mutation = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), meta: { invalidates: options.invalidates ?? true } });
  const { mutateAsync } = mutation;
  const write = useCallback(<T,>(run: () => Promise<T>) => mutateAsync(run) as Promise<T>, [mutateAsync]);
  return Object.assign(write, { pending: mutation.isPending });
}
