import { lazy, type ComponentType, type ReactNode } from 'react';
import { createHashRouter, Link, Navigate, Outlet, useLocation, useParams, useSearchParams, type RouteObject } from 'react-router';
import { homeOf, useAuth } from './auth';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import { useT } from './i18n';
import { LoginPage } from './pages/LoginPage';

/** A page loaded on first use (its own chunk), by its module's export name. */
const lazyPage = <M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const DesignerPage = lazyPage(() => import('./designer/DesignerPage'), 'DesignerPage');
const WorkflowListPage = lazyPage(() => import('./pages/workflows/WorkflowListPage'), 'WorkflowListPage');
const FormListPage = lazyPage(() => import('./pages/forms/FormListPage'), 'FormListPage');
const FormDesignerPage = lazyPage(() => import('./pages/forms/FormDesignerPage'), 'FormDesignerPage');
const ProceduresPage = lazyPage(() => import('./pages/applicant/ProceduresPage'), 'ProceduresPage');
const ApplicationFormPage = lazyPage(() => import('./pages/applicant/ApplicationFormPage'), 'ApplicationFormPage');
const ApplicationsPage = lazyPage(() => import('./pages/applicant/ApplicationsPage'), 'ApplicationsPage');
const RecommendationListPage = lazyPage(() => import('./pages/reviewer/RecommendationListPage'), 'RecommendationListPage');
const ApplicationDetailPage = lazyPage(() => import('./pages/applicant/ApplicationDetailPage'), 'ApplicationDetailPage');
const InboxPage = lazyPage(() => import('./pages/reviewer/InboxPage'), 'InboxPage');
const TaskPage = lazyPage(() => import('./pages/reviewer/TaskPage'), 'TaskPage');
const CommitteePage = lazyPage(() => import('./pages/reviewer/CommitteePage'), 'CommitteePage');
const CommitteesPage = lazyPage(() => import('./pages/committees/CommitteesPage'), 'CommitteesPage');
const ExpertsPage = lazyPage(() => import('./pages/committees/ExpertsPage'), 'ExpertsPage');
const CalendarPage = lazyPage(() => import('./pages/calendar/CalendarPage'), 'CalendarPage');
const PublicityPage = lazyPage(() => import('./pages/public/PublicityPage'), 'PublicityPage');
const CertificatePage = lazyPage(() => import('./pages/public/CertificatePage'), 'CertificatePage');
const OperationsPage = lazyPage(() => import('./pages/operations/OperationsPage'), 'OperationsPage');
const RecordSearchPage = lazyPage(() => import('./pages/record/PersonRecordPage'), 'RecordSearchPage');
const PersonRecordPage = lazyPage(() => import('./pages/record/PersonRecordPage'), 'PersonRecordPage');
const AuditHomePage = lazyPage(() => import('./audit/AuditHomePage'), 'AuditHomePage');
const WorkflowHistoryPage = lazyPage(() => import('./audit/WorkflowHistoryPage'), 'WorkflowHistoryPage');
const DiffPage = lazyPage(() => import('./audit/DiffPage'), 'DiffPage');
const JournalPage = lazyPage(() => import('./audit/JournalPage'), 'JournalPage');
const MergePage = lazyPage(() => import('./audit/MergePage'), 'MergePage');
const UsersPage = lazyPage(() => import('./pages/users/UsersPage'), 'UsersPage');
const ChangePasswordPage = lazyPage(() => import('./pages/users/ChangePasswordPage'), 'ChangePasswordPage');
const RegisterPage = lazyPage(() => import('./pages/users/RegisterPage'), 'RegisterPage');
const VocabularyPage = lazyPage(() => import('./pages/world/VocabularyPage'), 'VocabularyPage');
const OrganisationsPage = lazyPage(() => import('./pages/organisations/OrganisationsPage'), 'OrganisationsPage');
const GovernancePage = lazyPage(() => import('./pages/governance/GovernancePage'), 'GovernancePage');
const EducationRegistrarsPage = lazyPage(() => import('./pages/registrars/EducationRegistrarsPage'), 'EducationRegistrarsPage');

/** Route data read by the layout: full-bleed pages (the designers, the diff) use the whole window below the top bar. */
export interface RouteHandle {
  fullBleed?: boolean;
}
const fullBleed: RouteHandle = { fullBleed: true };

function num(v: string | null): number | undefined {
  const n = Number(v);
  return v !== null && v !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A route element that reads the path's parameters and the query (`?version=2`) and keys the page by them. */
function withParams(render: (params: Record<string, string>, query: URLSearchParams) => ReactNode) {
  function Routed() {
    const params = useParams();
    const [query] = useSearchParams();
    return <>{render({ ...params, rest: params['*'] ?? '' } as Record<string, string>, query)}</>;
  }
  return <Routed />;
}

/** Signed-in pages: a visitor (or a user whose session has expired) signs in first and comes back here. */
function RequireSignIn() {
  const { me } = useAuth();
  const { pathname, search } = useLocation();
  if (!me) return <Navigate replace to={pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(pathname + search)}`} />;
  // A temporary password from an admin is changed before anything else (the server refuses other calls meanwhile).
  if (me.mustChangePassword && pathname !== '/account/password') return <Navigate replace to="/account/password" />;
  return <Outlet />;
}

function LoginRoute() {
  const { me } = useAuth();
  const [query] = useSearchParams();
  const next = query.get('next');
  if (me) return <Navigate replace to={next && next.startsWith('/') ? next : homeOf(me)} />;
  return <LoginPage next={next} />;
}

function Home() {
  const { me } = useAuth();
  return <Navigate replace to={homeOf(me)} />;
}

function NotFound() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('页面不存在')}</h1>
      <Link to="/">{t('返回首页')}</Link>
    </div>
  );
}

const signedIn: RouteObject[] = [
  { index: true, element: <Home /> },
  { path: 'workflows', element: withParams((_, q) => <WorkflowListPage locality={q.get('locality') ?? ''} status={q.get('status') ?? ''} />) },
  {
    path: 'workflows/*',
    handle: fullBleed,
    element: withParams((p, q) => <DesignerPage key={p.rest + (q.get('version') ?? '')} definitionId={p.rest} version={num(q.get('version'))} />),
  },
  { path: 'forms', element: <FormListPage /> },
  { path: 'forms/*', handle: fullBleed, element: withParams((p) => <FormDesignerPage key={p.rest} formId={p.rest} />) },
  { path: 'procedures', element: <ProceduresPage /> },
  { path: 'apply/*', element: withParams((p) => <ApplicationFormPage key={p.rest} definitionId={p.rest} />) },
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'applications/:id/edit', element: withParams((p) => <ApplicationFormPage key={p.id} applicationId={p.id} />) },
  { path: 'applications/:id', element: withParams((p) => <ApplicationDetailPage key={p.id} id={p.id} />) },
  { path: 'inbox', element: withParams((_, q) => <InboxPage stage={q.get('stage') ?? ''} />) },
  { path: 'inbox/recommendation', element: <RecommendationListPage /> },
  { path: 'tasks/:id', element: withParams((p) => <TaskPage key={p.id} id={p.id} />) },
  { path: 'committee', element: <CommitteePage /> },
  { path: 'committees', element: <CommitteesPage /> },
  { path: 'experts', element: <ExpertsPage /> },
  { path: 'operations', element: <OperationsPage /> },
  { path: 'people', element: <RecordSearchPage /> },
  { path: 'people/:userName', element: withParams((p) => <PersonRecordPage key={p.userName} userName={p.userName} />) },
  { path: 'calendar', element: <CalendarPage /> },
  { path: 'vocabulary', element: <VocabularyPage /> },
  { path: 'organisations', element: <OrganisationsPage /> },
  { path: 'governance', element: withParams((_, q) => <GovernancePage tab={q.get('tab') ?? ''} />) },
  { path: 'education-registrars', element: <EducationRegistrarsPage /> },
  // Auditing (the server decides what each user may read): the auditor's home (tabs workflows, trail, applications),
  // a definition's history, the diff view (`?from=&to=` or `?against=template`), a journal, a template merge.
  {
    path: 'history',
    element: withParams((_, q) => <AuditHomePage tab={q.get('tab') ?? ''} subject={q.get('subject') ?? ''} kind={q.get('kind') ?? ''} page={num(q.get('page')) ?? 1} />),
  },
  { path: 'history/*', element: withParams((p) => <WorkflowHistoryPage key={p.rest} definitionId={p.rest} />) },
  {
    path: 'diff/*',
    handle: fullBleed,
    element: withParams((p, q) => (
      <DiffPage key={p.rest} definitionId={p.rest} from={num(q.get('from'))} to={num(q.get('to'))} against={q.get('against') ?? undefined} />
    )),
  },
  { path: 'journal/:id', element: withParams((p) => <JournalPage key={p.id} applicationId={p.id} />) },
  { path: 'upstream/*', element: withParams((p) => <MergePage key={p.rest} definitionId={p.rest} />) },
  { path: 'users', element: <UsersPage /> },
  { path: 'account/password', element: <ChangePasswordPage /> },
  { path: '*', element: <NotFound /> },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors inside a page render below the top bar, so the user can still go elsewhere.
        errorElement: <RouteError />,
        children: [
          { path: 'public/publicity', element: withParams((_, q) => <PublicityPage locality={q.get('locality') ?? ''} />) },
          { path: 'public/certificates', element: <CertificatePage number="" /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'public/certificates/:number', element: withParams((p) => <CertificatePage number={p.number} />) },
          { element: <RequireSignIn />, children: signedIn },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createHashRouter(routes);
}
