import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { TaskSummary } from '../../api/types';
import { useCatalog, useLabels } from '../../catalog';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { navigate, withQuery } from '../../router';

/** The reviewer's open tasks, sorted by due date (the server's order), filtered by stage and due date. */
export function InboxPage({ stage }: { stage: string }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const [dueBefore, setDueBefore] = useState('');
  const { data, error, loading, reload } = useApiQuery(['tasks', stage, dueBefore], () => api.get<TaskSummary[]>(`/api/tasks${qs({ stage, dueBefore })}`));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="page">
      <PageHeader
        title={t('待办')}
        subtitle={t('分配给本机构、本角色的待办事项，按办理期限排序')}
        actions={
          <button className="btn" onClick={reload}>
            {t('刷新')}
          </button>
        }
      />
      <div className="filters">
        <label>
          {t('阶段')}
          <select value={stage} onChange={(e) => navigate(withQuery('/inbox', { stage: e.target.value }))} aria-label={t('阶段')}>
            <option value="">{t('全部阶段')}</option>
            {Object.keys(vocab.stages).map((s) => (
              <option key={s} value={s}>
                {labels.stage(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('期限不晚于')}
          <input type="date" value={dueBefore} onChange={(e) => setDueBefore(e.target.value)} />
        </label>
        <span className="muted small">{t('共 {n} 项', { n: data?.length ?? 0 })}</span>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && <Empty>{t('没有待办事项')}</Empty>}
      {(data ?? []).length > 0 && (
        <table className="table inbox-table">
          <thead>
            <tr>
              <th>{t('申报人')}</th>
              <th>{t('阶段')}</th>
              <th>{t('事项')}</th>
              <th>{t('办理期限')}</th>
              <th>{t('到达时间')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((task) => {
              const overdue = task.dueDate && task.dueDate < today;
              return (
                <tr key={task.id} data-task-id={task.id} className="clickable" onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}>
                  <td className="strong">{task.applicantName}</td>
                  <td>
                    <Badge tone="accent">{labels.locale === 'en' ? labels.stage(task.stage) : (task.stageName as string) || labels.stage(task.stage)}</Badge>
                  </td>
                  <td>
                    {task.title}
                    <div className="muted small">{task.workflowName as string}</div>
                  </td>
                  <td>{task.dueDate ? <Badge tone={overdue ? 'error' : 'neutral'}>{task.dueDate}</Badge> : <span className="muted">{t('不限')}</span>}</td>
                  <td className="small muted">{formatDate(task.createdAt, locale)}</td>
                  <td className="row-actions">
                    <Link className="btn btn-small btn-primary" to={`/tasks/${encodeURIComponent(task.id)}`} onClick={(e) => e.stopPropagation()}>
                      {t('办理')}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
