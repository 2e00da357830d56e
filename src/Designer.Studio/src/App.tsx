import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient, setUnauthorizedHandler } from './api/query';
import { AuthProvider, useAuth } from './auth';
import { CatalogProvider } from './catalog';
import { Spinner, ToastProvider } from './components/ui';
import { I18nProvider, useT } from './i18n';
import { setAppRouter } from './router';
import { createAppRouter } from './routes';

const router = createAppRouter();
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
  const userName = me?.userName ?? '';
  // A 401 from any read or write: ask the server who is signed in; when nobody is, the signed-in routes send the user
  // to sign-in with the page they were on as `next`.
  useEffect(() => {
    setUnauthorizedHandler(refresh);
    return () => setUnauthorizedHandler(null);
  }, [refresh]);
  // What one user read is not shown to the next one (or to nobody after signing out).
  const previousUser = useRef(userName);
  useEffect(() => {
    if (previousUser.current && previousUser.current !== userName) queryClient.removeQueries();
    previousUser.current = userName;
  }, [userName]);
  if (loading) return <Spinner label={t('正在加载…')} />;
  return (
    <CatalogProvider userKey={userName}>
      <RouterProvider router={router} />
    </CatalogProvider>
  );
}
