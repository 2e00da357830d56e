import { useApiQuery, useWrite } from '../../api/query';
import { useAuth } from '../../auth';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLabels } from '../../catalog';
import { DataView, useApplyFormSchema } from '../../components/DataView';
import { ApplicationStatus } from '../../components/status';
import { TaskActions, type TaskDetail } from '../../components/TaskActions';
import { ownTitle } from '../../components/stepTitle';
import { Timeline } from '../../components/Timeline';
import { Badge, ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { useT } from '../../i18n';
import { navigate } from '../../router';

/** A task: the application (read-only), earlier decisions, the step's own form and its action buttons. */
export function TaskPage({ id }: { id: string }) {
  const t = useT();
  const labels = useLabels();
  const { data, error, loading, reload } = useApiQuery(['task', id], () => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`));
  const app = data?.application;
  const applySchema = useApplyFormSchema(app);
  if (loading) return <Spinner />;
  if (error || !data || !app) return <ErrorBox error={error} onRetry={reload} />;
  const task = data.task;
  const isOpen = (task as any).isOpen !== false;
  return (
    <div className="page">
      <PageHeader
        title={
          <>
            <Badge tone="accent">{labels.stage(task.stage)}</Badge> {ownTitle(task.title, task.stageName as string)}
          </>
        }
        subtitle={
          <>
            {app.applicantName as string} · {app.workflowName as string} · <ApplicationStatus status={app.status} />
            {task.dueDate && ` · ${t('期限 {date}', { date: task.dueDate })}`}
          </>
        }
        actions={
          <Link className="btn" to={'/inbox'}>
            {t('返回待办')}
          </Link>
        }
      />
      <div className="task-layout">
        <section className="card">
          <h2>{t('申报信息')}</h2>
          <DataView data={app.data} schema={applySchema} locality={app.locality as string} />
        </section>
        <div className="task-side">
          <section className="card">
            <h2>{t('办理')}</h2>
            {isOpen && <ClaimBar taskId={task.id} claimedBy={task.claimedBy ?? null} onChanged={reload} />}
            {isOpen ? (
              <TaskActions detail={data} onDone={() => navigate('/inbox')} />
            ) : (
              <div className="alert alert-info">
                {t('该待办已办理：{action}', { action: labels.action((task as any).closedAction) })} {(task as any).closedByName ?? (task as any).closedBy ?? ''}
              </div>
            )}
          </section>
          <section className="card">
            <h2>{t('此前的办理')}</h2>
            <Timeline entries={data.timeline ?? app.timeline ?? []} />
          </section>
        </div>
      </div>
    </div>
  );
}

/**
 * Claim and release when a role is shared: a claimed task shows who holds it; only the holder acts on it (or releases
 * it) until an operator reassigns it.
 */
function ClaimBar({ taskId, claimedBy, onChanged }: { taskId: string; claimedBy: string | null; onChanged: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const write = useWrite();
  const toast = useToast();
  const mine = claimedBy !== null && claimedBy === me?.userName;
  const run = async (verb: 'claim' | 'unclaim') => {
    try {
      await write(() => api.post(`/api/tasks/${encodeURIComponent(taskId)}/${verb}`));
      onChanged();
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    }
  };
  return (
    <div className="claim-bar">
      {claimedBy ? (
        <>
          <Badge tone={mine ? 'ok' : 'info'}>{mine ? t('已由我认领') : t('{name} 已认领', { name: claimedBy })}</Badge>
          {mine && (
            <button className="btn btn-small" disabled={write.pending} onClick={() => run('unclaim')}>
              {t('释放')}
            </button>
          )}
        </>
      ) : (
        <button className="btn btn-small" disabled={write.pending} onClick={() => run('claim')}>
          {t('认领')}
        </button>
      )}
    </div>
  );
}
