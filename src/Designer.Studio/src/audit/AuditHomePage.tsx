import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../api/client';
import { getAll } from '../api/paged';
import { useApiQuery } from '../api/query';
import type { Application, Paged, WorkflowSummary } from '../api/types';
import { useLabels } from '../catalog';
import { Pager } from '../components/Pager';
import { ApplicationStatus } from '../components/status';
import { Badge, Empty, ErrorBox, PageHeader, Spinner } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { navigate, withQuery } from '../router';
import { AuditTrail } from './AuditTrail';
import './audit.css';

type Tab = 'workflows' | 'trail' | 'applications';

/**
 * The auditor's home: every workflow with its history and diffs, the hash-chained audit trail with its verification,
 * and every application with its journal. Read-only.
 */
export function AuditHomePage({ tab: initialTab, subject, kind, page }: { tab?: string; subject?: string; kind?: string; page?: number }) {
  const { t } = useI18n();
  const tab: Tab = initialTab === 'trail' || initialTab === 'applications' ? initialTab : 'workflows';
  const setTab = (next: Tab) => navigate(withQuery('/history', { tab: next === 'workflows' ? undefined : next }));
  return (
    <div className="page">
      <PageHeader title={t('审计')} subtitle={t('流程的版本历史与差异、防篡改的审计日志、申报的办理记录（只读）')} />
      <div className="drawer-tabs page-tabs" role="tablist">
        <button role="tab" className={tab === 'workflows' ? 'on' : ''} onClick={() => setTab('workflows')}>
          {t('流程版本')}
        </button>
        <button role="tab" className={tab === 'trail' ? 'on' : ''} onClick={() => setTab('trail')} data-testid="tab-trail">
          {t('审计日志')}
        </button>
        <button role="tab" className={tab === 'applications' ? 'on' : ''} onClick={() => setTab('applications')}>
          {t('申报记录')}
        </button>
      </div>
      {tab === 'workflows' && <WorkflowsTab />}
      {tab === 'trail' && <AuditTrail subject={subject ?? ''} kind={kind ?? ''} page={page ?? 1} />}
      {tab === 'applications' && <ApplicationsTab />}
    </div>
  );
}

function WorkflowsTab() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const [filter, setFilter] = useState('');
  const { data, error, loading, reload } = useApiQuery(['workflows', 'all'], () =>
    getAll<WorkflowSummary>('/api/workflows'),
  );
  const f = filter.trim().toLowerCase();
  const rows = (data ?? []).filter((w) => !f || w.definitionId.toLowerCase().includes(f) || (w.name ?? '').toLowerCase().includes(f));
  return (
    <>
      <div className="filters">
        <label>
          {t('搜索')}
          <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('流程名称或标识')} />
        </label>
        <span className="muted small">{t('共 {n} 个流程', { n: rows.length })}</span>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && rows.length === 0 && <Empty>{t('没有符合条件的流程')}</Empty>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('流程')}</th>
              <th>{t('地区')}</th>
              <th>{t('版本')}</th>
              <th>{t('最后修改')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => {
              const latest = w.latestVersion;
              const id = encodeURIComponent(w.definitionId);
              return (
                <tr key={w.definitionId} data-definition-id={w.definitionId}>
                  <td>
                    <Link className="strong" to={`/history/${id}`}>
                      {w.name || w.definitionId}
                    </Link>
                    <div className="muted small">
                      <code>{w.definitionId}</code>
                      {w.upstreamChanged ? (
                        <>
                          {' '}
                          <Badge tone="warn">{t('模板已更新')}</Badge>
                        </>
                      ) : null}
                    </div>
                  </td>
                  <td>{labels.locality(w.locality)}</td>
                  <td>
                    v{latest}
                    {w.publishedVersion ? <span className="muted small"> ({t('已发布 v{v}', { v: w.publishedVersion })})</span> : null}
                  </td>
                  <td className="small">
                    {w.updatedBy} <span className="muted">{formatDate(w.updatedAt, locale)}</span>
                  </td>
                  <td className="row-actions">
                    <Link className="btn btn-small" to={`/history/${id}`}>
                      {t('历史')}
                    </Link>
                    {latest > 1 && (
                      <Link className="btn btn-small" to={withQuery(`/diff/${id}`, { from: String(latest - 1), to: String(latest) })}>
                        {t('对比')}
                      </Link>
                    )}
                    {w.clonedFrom ? (
                      <Link className="btn btn-small btn-ghost" to={withQuery(`/diff/${id}`, { against: 'template' })}>
                        {t('与模板对比')}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function ApplicationsTab() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiQuery(['applications', page], () =>
    api.get<Paged<Application>>(`/api/applications${qs({ page, pageSize: 50 })}`),
  );
  const rows = data?.items ?? [];
  return (
    <>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && rows.length === 0 && <Empty>{t('还没有申报。')}</Empty>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('申报事项')}</th>
              <th>{t('申报人')}</th>
              <th>{t('地区')}</th>
              <th>{t('状态')}</th>
              <th>{t('更新时间')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/applications/${a.id}`}>{(a.workflowName as string) || a.definitionId}</Link>
                </td>
                <td>{a.applicantName as string}</td>
                <td>{labels.locality(a.locality as string)}</td>
                <td>
                  <ApplicationStatus status={a.status} />
                </td>
                <td className="small muted">{formatDate(a.updatedAt, locale)}</td>
                <td className="row-actions">
                  <Link className="btn btn-small" to={`/journal/${encodeURIComponent(a.id)}`}>
                    {t('办理日志')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
    </>
  );
}
