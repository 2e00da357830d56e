import { lazy, type ReactNode } from 'react';
import { match } from '../router';

const AuditHomePage = lazy(() => import('./AuditHomePage').then((m) => ({ default: m.AuditHomePage })));
const WorkflowHistoryPage = lazy(() => import('./WorkflowHistoryPage').then((m) => ({ default: m.WorkflowHistoryPage })));
const DiffPage = lazy(() => import('./DiffPage').then((m) => ({ default: m.DiffPage })));
const JournalPage = lazy(() => import('./JournalPage').then((m) => ({ default: m.JournalPage })));
const MergePage = lazy(() => import('./MergePage').then((m) => ({ default: m.MergePage })));

function num(v: string | null): number | undefined {
  const n = Number(v);
  return v !== null && v !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The auditing routes (signed-in users; the server decides what each may read):
 * `/history` the auditor's home (tabs workflows, trail, applications), `/history/:id` a definition's history,
 * `/diff/:id?from=&to=` or `?against=template` the diff view, `/journal/:id` an application's journal,
 * `/upstream/:id` the merge of a template's changes into a clone.
 */
export function matchAuditRoute(path: string, query: URLSearchParams): { node: ReactNode; fullBleed?: boolean } | null {
  let m: Record<string, string> | null;
  if (match('/history', path))
    return { node: <AuditHomePage tab={query.get('tab') ?? ''} subject={query.get('subject') ?? ''} kind={query.get('kind') ?? ''} page={num(query.get('page')) ?? 1} /> };
  if ((m = match('/history/:id*', path))) return { node: <WorkflowHistoryPage key={m.id} definitionId={m.id} /> };
  if ((m = match('/diff/:id*', path)))
    return {
      node: <DiffPage key={m.id} definitionId={m.id} from={num(query.get('from'))} to={num(query.get('to'))} against={query.get('against') ?? undefined} />,
      fullBleed: true,
    };
  if ((m = match('/journal/:id', path))) return { node: <JournalPage key={m.id} applicationId={m.id} /> };
  if ((m = match('/upstream/:id*', path))) return { node: <MergePage key={m.id} definitionId={m.id} /> };
  return null;
}
