import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient, setUnauthorizedHandler } from './api/query';
import { AuthProvider, useAuth } from './auth';
import { CatalogProvider } from './catalog';
import { Spinner, ToastProvider, useToast } from './components/ui';
import { I18nProvider, useT } from './i18n';
import { setAppRouter } from './router';
import { createAppRouter } from './routes';

const router = createAppRouter();
/** A sign-out this soon after a 401 is the session's end. */
const SESSION_CHECK_MS = 10_000;
setAppRouter(router);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ToastProvider>
          <AuthProvider>
            <Shell />
          </AuthProvider>
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { me, loading, refresh } = useAuth();
  const t = useT();
  const toast = useToast();
  const userName = me?.userName ?? '';
  // A 401 from any read or write: ask the server who is signed in; when nobody is, the signed-in routes send the user
  // to sign-in with the page they were on as `next`.
  const sessionCheckedAt = useRef(0);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      sessionCheckedAt.current = Date.now();
      return refresh();
    });
    return () => setUnauthorizedHandler(null);
  }, [refresh]);
  // What one user read is not shown to the next one (or to nobody after signing out).
  const previousUser = useRef(userName);
  useEffect(() => {
    if (previousUser.current && previousUser.current !== userName) {
      queryClient.removeQueries();
      // Signed out by the server (a 401 just now), not by the user's own 退出.
      if (!userName && Date.now() - sessionCheckedAt.current < SESSION_CHECK_MS) toast(t('登录已过期，请重新登录'), 'info');
    }
    previousUser.current = userName;
  }, [userName, toast, t]);
  if (loading) return <Spinner label={t('正在加载…')} />;
  return (
    <CatalogProvider userKey={userName}>
      <RouterProvider router={router} />
    </CatalogProvider>
  );
}
