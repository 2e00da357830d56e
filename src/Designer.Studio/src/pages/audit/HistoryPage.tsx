import { Fragment, useState } from 'react';
import { api } from '../../api/client';
import type { Application, WorkflowSummary } from '../../api/types';
import { useLabels } from '../../catalog';
import { ApplicationStatus } from '../../components/status';
import { Badge, ErrorBox, PageHeader, Spinner, useAsync } from '../../components/ui';
import { VersionsPanel } from '../../designer/VersionsPanel';
import { formatDate, useI18n } from '../../i18n';
import { href } from '../../router';

/** The auditor's home: every workflow with its versions, and every application with its journal. */
export function HistoryPage() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const [tab, setTab] = useState<'workflows' | 'applications'>('workflows');
  const [open, setOpen] = useState<string | null>(null);
  const workflows = useAsync(() => api.get<WorkflowSummary[]>('/api/workflows'), []);
  const applications = useAsync(() => api.get<Application[]>('/api/applications'), []);
  return (
    <div className="page">
      <PageHeader title={t('审计')} subtitle={t('流程的版本历史与申报的办理记录（只读）')} />
      <div className="drawer-tabs page-tabs">
        <button className={tab === 'workflows' ? 'on' : ''} onClick={() => setTab('workflows')}>
          {t('流程版本')}
        </button>
        <button className={tab === 'applications' ? 'on' : ''} onClick={() => setTab('applications')}>
          {t('申报记录')}
        </button>
      </div>
      {tab === 'workflows' && (
        <>
          {workflows.loading && <Spinner />}
          <ErrorBox error={workflows.error} onRetry={workflows.reload} />
          <table className="table">
            <thead>
              <tr>
                <th>{t('流程')}</th>
                <th>{t('地区')}</th>
                <th>{t('状态')}</th>
                <th>{t('最后修改')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(workflows.data ?? []).map((w) => (
                <Fragment key={w.definitionId}>
                  <tr>
                    <td>
                      <a className="strong" href={href(`/workflows/${encodeURIComponent(w.definitionId)}`)}>
                        {w.name || w.definitionId}
                      </a>
                      <div className="muted small">
                        <code>{w.definitionId}</code>
                      </div>
                    </td>
                    <td>{labels.locality(w.locality)}</td>
                    <td>
                      <Badge tone={w.status === 'published' ? 'ok' : 'neutral'}>{w.status}</Badge> v{w.latestVersion ?? w.version}
                    </td>
                    <td className="small">
                      {w.updatedBy} <span className="muted">{formatDate(w.updatedAt, locale)}</span>
                    </td>
                    <td>
                      <button className="btn btn-small" onClick={() => setOpen(open === w.definitionId ? null : w.definitionId)}>
                        {open === w.definitionId ? t('收起') : t('版本')}
                      </button>
                    </td>
                  </tr>
                  {open === w.definitionId && (
                    <tr>
                      <td colSpan={5}>
                        <VersionsPanel meta={{ definitionId: w.definitionId, version: w.latestVersion ?? w.version, isPublished: w.status === 'published' }} readOnly onReverted={() => {}} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
      {tab === 'applications' && (
        <>
          {applications.loading && <Spinner />}
          <ErrorBox error={applications.error} onRetry={applications.reload} />
          <table className="table">
            <thead>
              <tr>
                <th>{t('申报事项')}</th>
                <th>{t('申报人')}</th>
                <th>{t('地区')}</th>
                <th>{t('状态')}</th>
                <th>{t('更新时间')}</th>
              </tr>
            </thead>
            <tbody>
              {(applications.data ?? []).map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={href(`/applications/${a.id}`)}>{(a.workflowName as string) || a.definitionId}</a>
                  </td>
                  <td>{a.applicantName as string}</td>
                  <td>{labels.locality(a.locality as string)}</td>
                  <td>
                    <ApplicationStatus status={a.status} />
                  </td>
                  <td className="small muted">{formatDate(a.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
