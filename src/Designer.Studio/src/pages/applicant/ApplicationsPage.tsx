import { useApiQuery } from '../../api/query';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import type { ApplicationSummary, Paged } from '../../api/types';
import { hasRole, Roles, useAuth } from '../../auth';
import { useLabels } from '../../catalog';
import { Pager } from '../../components/Pager';
import { ApplicationStatus } from '../../components/status';
import { Empty, ErrorBox, PageHeader, Spinner } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { useState } from 'react';

export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  const { data: paged, error, loading, reload } = useApiQuery(['applications', page], () =>
    api.get<Paged<ApplicationSummary>>(`/api/applications${qs({ page, pageSize: 50 })}`),
  );
  const data = paged?.items;
  const applicant = hasRole(me, Roles.applicant);
  return (
    <div className="page">
      <PageHeader
        title={applicant ? t('我的申报') : t('申报')}
        actions={
          <>
            {(data ?? []).length > 0 && (
              <a className="btn" href="/api/applications/export.xlsx" download>
                {t('导出 Excel')}
              </a>
            )}
            {applicant && (
              <Link className="btn btn-primary" to={'/procedures'}>
                + {t('新的申报')}
              </Link>
            )}
          </>
        }
      />
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data ?? []).length === 0 && (
        <Empty>
          {t('还没有申报。')} {applicant && <Link to={'/procedures'}>{t('选择申报事项')}</Link>}
        </Empty>
      )}
      {(data ?? []).length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('申报事项')}</th>
              <th>{t('申报人')}</th>
              <th>{t('状态')}</th>
              <th>{t('当前环节')}</th>
              <th>{t('更新时间')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((a) => (
              <tr key={a.id} data-application-id={a.id}>
                <td>
                  <Link className="strong" to={a.status === 'Draft' ? `/applications/${a.id}/edit` : `/applications/${a.id}`}>
                    {(a.workflowName as string) || a.definitionId}
                  </Link>
                </td>
                <td>{(a.applicantName as string) ?? ''}</td>
                <td>
                  <ApplicationStatus status={a.status} />
                </td>
                <td>{a.currentStages.map((s) => labels.stage(s)).join('、')}</td>
                <td className="small muted">{formatDate(a.updatedAt ?? a.createdAt, locale)}</td>
                <td className="row-actions">
                  <Link className="btn btn-small" to={a.status === 'Draft' ? `/applications/${a.id}/edit` : `/applications/${a.id}`}>
                    {a.status === 'Draft' ? t('继续填写') : t('查看')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {paged && <Pager page={paged.page} pageSize={paged.pageSize} total={paged.total} onPage={setPage} />}
    </div>
  );
}
