import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { Application } from '../../api/types';
import { DataView, useApplyFormSchema } from '../../components/DataView';
import { ApplicationStatus } from '../../components/status';
import { TaskActions, type TaskDetail } from '../../components/TaskActions';
import { ownTitle } from '../../components/stepTitle';
import { Timeline } from '../../components/Timeline';
import { ErrorBox, PageHeader, Spinner } from '../../components/ui';
import { useLabels } from '../../catalog';
import { hasRole, Roles, useAuth } from '../../auth';
import { InvalidateResult } from '../governance/InvalidateResult';
import { useI18n, useT } from '../../i18n';

/** An application: status, timeline, what is waiting, the applicant's own pending steps (a correction request). */
export function ApplicationDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const { data, error, loading, reload, setData } = useApiQuery(['application', id], () => api.get<Application>(`/api/applications/${encodeURIComponent(id)}`));
  const applySchema = useApplyFormSchema(data);
  if (loading && !data) return <Spinner />;
  if (error || !data) return <ErrorBox error={error} onRetry={reload} />;
  const granted = data.granted;
  const notices = (data.notifications as { to?: string; message: string; date?: string }[] | undefined) ?? [];
  return (
    <div className="page">
      <PageHeader
        title={(data.workflowName as string) || data.definitionId}
        subtitle={
          <>
            <ApplicationStatus status={data.status} /> {data.applicantName as string} · <code>{data.id}</code>
          </>
        }
        actions={
          <>
            {data.status === 'Completed' && hasRole(me, Roles.policyAdmin, Roles.localityAdmin) && (
              <InvalidateResult applicationId={data.id} applicantName={data.applicantName as string} onDone={reload} />
            )}
            <Link className="btn" to={'/applications'}>
              {t('返回列表')}
            </Link>
          </>
        }
      />
      {data.reason ? <div className={`alert ${data.status === 'Completed' ? 'alert-info' : 'alert-warn'}`}>{String(data.reason)}</div> : null}
      {granted && (
        <div className="alert alert-ok">
          {/* One line of text: the alert lays its children out as a column. */}
          <div className="granted-line">
            {t('已取得资格')}：{labels.code('series', granted.series)} · {labels.code('levels', granted.level)}
            {granted.directed ? ` · ${t('定向')}` : ''}
            {granted.validIn ? ` · ${labels.code('validIn', granted.validIn)}` : ''}
            {granted.number && (
              <>
                {' · '}
                {t('证书编号')} <Link to={`/public/certificates/${encodeURIComponent(granted.number)}`}>{granted.number}</Link>{' '}
                <a className="btn btn-small" href={`/api/applications/${encodeURIComponent(data.id)}/certificate.pdf`} download>
                  {t('下载证书（PDF）')}
                </a>
              </>
            )}
          </div>
        </div>
      )}
      {notices.length > 0 && (
        <section className="card notices">
          <h2>{t('通知')}</h2>
          <ul className="notice-list">
            {notices.map((n, i) => (
              <li key={i}>
                <span className="muted small">
                  {n.date} · {t('致')} {labels.org(n.to)}
                </span>{' '}
                {n.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(data.pendingTasks ?? []).map((task) => (
        <PendingTask key={task.id} taskId={task.id} onDone={(a) => setData(a)} />
      ))}
      <div className="two-col">
        <section className="card">
          <h2>{t('办理进度')}</h2>
          <Timeline entries={data.timeline ?? []} waiting={(data.waitingAt as any[]) ?? []} />
        </section>
        <section className="card">
          <h2>{t('申报信息')}</h2>
          <DataView data={data.data} schema={applySchema} locality={data.locality as string} />
        </section>
      </div>
    </div>
  );
}

function PendingTask({ taskId, onDone }: { taskId: string; onDone: (a: Application) => void }) {
  const t = useT();
  const labels = useLabels();
  const [open, setOpen] = useState(true);
  const { data, error, loading } = useApiQuery(['task', taskId], () => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`));
  if (loading) return <Spinner />;
  if (error || !data) return <ErrorBox error={error} />;
  return (
    <section className="card card-highlight" data-task-id={taskId}>
      <h2 onClick={() => setOpen(!open)} className="clickable">
        {t('待您办理')}：{labels.stage(data.task.stage)} {ownTitle(data.task.title, data.task.stageName as string) ? `· ${data.task.title}` : ''}
        {data.task.dueDate && <span className="muted small"> · {t('期限 {date}', { date: data.task.dueDate })}</span>}
      </h2>
      {open && <TaskActions detail={data} onDone={onDone} />}
    </section>
  );
}
