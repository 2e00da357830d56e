import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { Paged, TaskSummary } from '../../api/types';
import { useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { ownTitle } from '../../components/stepTitle';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { navigate, withQuery } from '../../router';

const PAGE_SIZE = 50;
/** "Due soon" means within this many days (the server's default too). */
const SOON_DAYS = 3;

/** Days from today (China) to a yyyy-MM-dd date. */
function daysUntil(date: string, today: string) {
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

/**
 * The reviewer's open tasks, soonest due first (the server's order), one page at a time: searched by applicant name
 * or application number, filtered by stage, due date and procedure; a task claimed by a colleague shows who holds it.
 */
export function InboxPage({ stage }: { stage: string }) {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const stageText = (task: TaskSummary) => (labels.locale === 'en' ? labels.stage(task.stage) : (task.stageName as string) || labels.stage(task.stage));
  const { vocab } = useCatalog();
  const { me } = useAuth();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [due, setDue] = useState('');
  const [procedure, setProcedure] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiQuery(['tasks', stage, search, due, procedure, page], () =>
    api.get<Paged<TaskSummary>>(`/api/tasks${qs({ stage, q: search, due, dueWithinDays: due === 'soon' ? SOON_DAYS : undefined, procedure, page, pageSize: PAGE_SIZE })}`),
  );
  const items = data?.items ?? [];
  const procedures = Array.from(new Map(items.map((task) => [task.definitionId, task.workflowName as string])).entries());
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const changed = (apply: () => void) => {
    apply();
    setPage(1);
  };
  return (
    <div className="page">
      <PageHeader
        title={t('待办')}
        subtitle={t('分配给本机构、本角色的待办事项，按办理期限排序')}
        actions={
          <>
            {me?.org === 'unit' && (
              <Link className="btn" to="/inbox/recommendation">
                {t('推荐名单')}
              </Link>
            )}
            <button className="btn" onClick={reload}>
              {t('刷新')}
            </button>
          </>
        }
      />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          changed(() => setSearch(q.trim()));
        }}
      >
        <label>
          {t('搜索')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('申报人姓名或申报编号')} aria-label={t('搜索')} />
        </label>
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
          {t('办理期限')}
          <select value={due} onChange={(e) => changed(() => setDue(e.target.value))} aria-label={t('办理期限')}>
            <option value="">{t('不限')}</option>
            <option value="overdue">{t('已逾期')}</option>
            <option value="soon">{t('{n} 天内到期', { n: SOON_DAYS })}</option>
          </select>
        </label>
        <label>
          {t('评审流程')}
          <select value={procedure} onChange={(e) => changed(() => setProcedure(e.target.value))} aria-label={t('评审流程')}>
            <option value="">{t('全部流程')}</option>
            {procedure && !procedures.some(([id]) => id === procedure) && <option value={procedure}>{procedure}</option>}
            {procedures.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" type="submit">
          {t('查询')}
        </button>
        <span className="muted small">{t('共 {n} 项', { n: data?.total ?? 0 })}</span>
      </form>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 && <Empty>{t('没有待办事项')}</Empty>}
      {items.length > 0 && (
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
            {items.map((task) => (
              <tr key={task.id} data-task-id={task.id} className="clickable" onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}>
                <td className="strong">
                  {task.applicantName}
                  <div className="muted small">{task.applicationId}</div>
                </td>
                <td>
                  <Badge tone="accent">{stageText(task)}</Badge>
                </td>
                <td>
                  {ownTitle(task.title, task.stageName as string) ?? stageText(task)}
                  <div className="muted small">{task.workflowName as string}</div>
                  {task.claimedBy && (
                    <div className="small">
                      <Badge tone="info">{t('{name} 已认领', { name: task.claimedBy })}</Badge>
                    </div>
                  )}
                </td>
                <td>
                  <DueBadge dueDate={task.dueDate ?? null} today={today} />
                </td>
                <td className="small muted">{formatDate(task.createdAt, locale)}</td>
                <td className="row-actions">
                  <Link className="btn btn-small btn-primary" to={`/tasks/${encodeURIComponent(task.id)}`} onClick={(e) => e.stopPropagation()}>
                    {t('办理')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="pager">
          <button className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('上一页')}
          </button>
          <span className="small muted">{t('第 {n} 页，共 {total} 页', { n: page, total: pages })}</span>
          <button className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('下一页')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The due date with how it stands: overdue (red), due within a few days (amber), later (neutral). */
function DueBadge({ dueDate, today }: { dueDate: string | null; today: string }) {
  const { t } = useI18n();
  if (!dueDate) return <span className="muted">{t('不限')}</span>;
  const days = daysUntil(dueDate, today);
  if (days < 0)
    return (
      <Badge tone="error" title={dueDate}>
        {t('已逾期 {n} 天', { n: -days })} · {dueDate}
      </Badge>
    );
  if (days <= SOON_DAYS)
    return (
      <Badge tone="warn" title={dueDate}>
        {days === 0 ? t('今日到期') : t('{n} 天后到期', { n: days })} · {dueDate}
      </Badge>
    );
  return <Badge tone="neutral">{dueDate}</Badge>;
}
