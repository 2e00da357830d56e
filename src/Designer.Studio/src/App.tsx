import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { AuthProvider, homeOf, useAuth } from './auth';
import { CatalogProvider } from './catalog';
import { Layout } from './components/Layout';
import { Spinner, ToastProvider } from './components/ui';
import { I18nProvider, useT } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { matchAuditRoute } from './audit/routes';
import { match, navigate, useRoute } from './router';

const DesignerPage = lazy(() => import('./designer/DesignerPage').then((m) => ({ default: m.DesignerPage })));
const WorkflowListPage = lazy(() => import('./pages/workflows/WorkflowListPage').then((m) => ({ default: m.WorkflowListPage })));
const FormListPage = lazy(() => import('./pages/forms/FormListPage').then((m) => ({ default: m.FormListPage })));
const FormDesignerPage = lazy(() => import('./pages/forms/FormDesignerPage').then((m) => ({ default: m.FormDesignerPage })));
const ProceduresPage = lazy(() => import('./pages/applicant/ProceduresPage').then((m) => ({ default: m.ProceduresPage })));
const ApplicationFormPage = lazy(() => import('./pages/applicant/ApplicationFormPage').then((m) => ({ default: m.ApplicationFormPage })));
const ApplicationsPage = lazy(() => import('./pages/applicant/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })));
const ApplicationDetailPage = lazy(() => import('./pages/applicant/ApplicationDetailPage').then((m) => ({ default: m.ApplicationDetailPage })));
const InboxPage = lazy(() => import('./pages/reviewer/InboxPage').then((m) => ({ default: m.InboxPage })));
const TaskPage = lazy(() => import('./pages/reviewer/TaskPage').then((m) => ({ default: m.TaskPage })));
const CommitteePage = lazy(() => import('./pages/reviewer/CommitteePage').then((m) => ({ default: m.CommitteePage })));
const PublicityPage = lazy(() => import('./pages/public/PublicityPage').then((m) => ({ default: m.PublicityPage })));
const CertificatePage = lazy(() => import('./pages/public/CertificatePage').then((m) => ({ default: m.CertificatePage })));

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <AuthProvider>
          <Shell />
        </AuthProvider>
      </ToastProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { me, loading } = useAuth();
  const t = useT();
  if (loading) return <Spinner label={t('正在加载…')} />;
  return (
    <CatalogProvider userKey={me?.userName ?? ''}>
      <Routes />
    </CatalogProvider>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

function Routes() {
  const { me } = useAuth();
  const { path, query } = useRoute();
  const t = useT();
  const page = (node: ReactNode, fullBleed = false) => (
    <Layout fullBleed={fullBleed}>
      <Suspense fallback={<Spinner />}>{node}</Suspense>
    </Layout>
  );

  // Public pages: no sign-in needed.
  if (match('/public/publicity', path)) return page(<PublicityPage locality={query.get('locality') ?? ''} />);
  let m = match('/public/certificates/:number', path);
  if (m || match('/public/certificates', path)) return page(<CertificatePage number={m?.number ?? ''} />);
  if (match('/login', path)) {
    if (me) return <Redirect to={homeOf(me)} />;
    return <LoginPage next={query.get('next')} />;
  }
  if (!me) return <Redirect to={`/login${path !== '/' ? `?next=${encodeURIComponent(path + (query.toString() ? `?${query}` : ''))}` : ''}`} />;

  if (path === '/' || path === '') return <Redirect to={homeOf(me)} />;
  if (match('/workflows', path)) return page(<WorkflowListPage locality={query.get('locality') ?? ''} status={query.get('status') ?? ''} />);
  if ((m = match('/workflows/:id*', path))) {
    const v = Number(query.get('version'));
    return page(<DesignerPage key={m.id + (query.get('version') ?? '')} definitionId={m.id} version={Number.isFinite(v) && v > 0 ? v : undefined} />, true);
  }
  if (match('/forms', path)) return page(<FormListPage />);
  if ((m = match('/forms/:id*', path))) return page(<FormDesignerPage key={m.id} formId={m.id} />, true);
  if (match('/procedures', path)) return page(<ProceduresPage />);
  if ((m = match('/apply/:definitionId*', path))) return page(<ApplicationFormPage key={m.definitionId} definitionId={m.definitionId} />);
  if ((m = match('/applications/:id/edit', path))) return page(<ApplicationFormPage key={m.id} applicationId={m.id} />);
  if (match('/applications', path)) return page(<ApplicationsPage />);
  if ((m = match('/applications/:id', path))) return page(<ApplicationDetailPage key={m.id} id={m.id} />);
  if (match('/inbox', path)) return page(<InboxPage stage={query.get('stage') ?? ''} />);
  if ((m = match('/tasks/:id', path))) return page(<TaskPage key={m.id} id={m.id} />);
  if (match('/committee', path)) return page(<CommitteePage />);
  const audit = matchAuditRoute(path, query);
  if (audit) return page(audit.node, audit.fullBleed);
  return page(
    <div className="page">
      <h1>{t('页面不存在')}</h1>
      <a href="#/">{t('返回首页')}</a>
    </div>,
  );
}
